import { describe, expect, it } from 'vitest';
import { countryPolicy } from './catalog.js';
import { checkReplyAgainstPolicy, containsPhrase } from './reply-check.js';

const policy = (c: string) => countryPolicy(c, { year: 2026 });
const codes = (...args: Parameters<typeof checkReplyAgainstPolicy>) => checkReplyAgainstPolicy(...args).map((w) => w.code);

describe('checkReplyAgainstPolicy', () => {
  it('warns about an informal greeting to a Japanese customer', () => {
    const warnings = checkReplyAgainstPolicy('Hi Kenji,\nthe part ships tomorrow.\nThanks', policy('JP'), 'en');
    expect(warnings[0]).toMatchObject({ code: 'informal-greeting', severity: 'warning', field: 'register', params: { greeting: 'Hi', register: 'honorific' } });
    expect(warnings[0].message).toMatch(/honorific register/);
  });

  it('accepts a proper Japanese business reply', () => {
    const text = '田中様\nいつもお世話になっております。\n部品は明日発送いたします。\n何卒よろしくお願い申し上げます。';
    expect(checkReplyAgainstPolicy(text, policy('JP'), 'ja', { contact: { givenName: '健二', surname: '田中' } })).toEqual([]);
  });

  it('flags さん where 様 is expected', () => {
    expect(codes('田中さん\n明日発送します。\nよろしくお願いします。', policy('JP'), 'ja')).toContain('casual-honorific-suffix');
  });

  it('German: "Hallo" and "du" to a formal culture', () => {
    const c = codes('Hallo Herr Müller,\nkannst du das Gerät neu starten?\nViele Grüße', policy('DE'), 'de');
    expect(c).toEqual(expect.arrayContaining(['informal-greeting', 'informal-pronoun']));
  });

  it('accepts a formal Polish greeting written with the stem\'s other endings', () => {
    for (const greeting of ['Szanowni Państwo,', 'Szanowna Pani,', 'Szanowny Panie Wójcik,']) {
      const c = codes(`${greeting}\nczęść została wysłana.\nZ wyrazami szacunku\nLea`, policy('PL'), 'pl');
      expect(c, greeting).not.toContain('missing-greeting');
    }
    expect(codes('część została wysłana.\nZ wyrazami szacunku', policy('PL'), 'pl')).toContain('missing-greeting');
  });

  it('accepts a formal German reply', () => {
    const text = 'Sehr geehrter Herr Müller,\nbitte starten Sie das Gerät neu.\nMit freundlichen Grüßen\nEva';
    expect(codes(text, policy('DE'), 'de', { contact: { givenName: 'Jan', surname: 'Müller' } })).toEqual([]);
  });

  it('asks for a written recap after a call where procedure is strict', () => {
    const bare = 'Sehr geehrter Herr Müller,\nwie besprochen kommt der Techniker morgen.\nMit freundlichen Grüßen';
    expect(codes(bare, policy('DE'), 'de')).toContain('missing-recap');
    const withRecap = 'Sehr geehrter Herr Müller,\nwie besprochen:\n- Techniker kommt morgen 9:00\n- Ersatzteil ist reserviert\nMit freundlichen Grüßen';
    expect(codes(withRecap, policy('DE'), 'de')).not.toContain('missing-recap');
    expect(codes('Sehr geehrter Herr Müller,\nder Techniker kommt morgen.\nMit freundlichen Grüßen', policy('DE'), 'de', { afterCall: true })).toContain('missing-recap');
    // China's procedure is not strict: no recap demanded
    expect(codes('尊敬的王先生：\n如电话所说，明天派工程师。\n顺祝商祺！', policy('CN'), 'zh')).not.toContain('missing-recap');
  });

  it("warns when a reply goes over the contact's head in a hierarchical culture, not in Israel", () => {
    expect(codes('尊敬的王先生：\n我们会联系您的上级。\n顺祝商祺！', policy('CN'), 'zh')).toContain('over-the-head');
    expect(codes('Dear Mr Tan,\nwe will escalate to your manager.\nKind regards', policy('SG'), 'en')).toContain('over-the-head');
    expect(codes('שלום יוסי,\nנדבר עם המנהל שלך.\nבברכה,', policy('IL'), 'he')).not.toContain('over-the-head');
  });

  it('flags blunt phrasing only in indirect cultures', () => {
    expect(codes('Dear Ms Tanaka,\nThat is impossible.\nKind regards', policy('JP'), 'en')).toContain('blunt-phrasing');
    expect(codes('Sehr geehrter Herr Müller,\ndas ist unmöglich.\nMit freundlichen Grüßen', policy('DE'), 'de')).not.toContain('blunt-phrasing');
  });

  it('an Israeli customer addressed "Dear Mr Cohen" reads as distant', () => {
    expect(checkReplyAgainstPolicy('Dear Mr Cohen,\nfixed.\nThanks', policy('IL'), 'en')).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'too-formal-greeting', severity: 'info' }),
      expect.objectContaining({ code: 'language-mismatch', params: { reply: 'en', expected: 'he' } }),
    ]));
  });

  it('first name where the surname is expected', () => {
    expect(codes('Dear Wei,\nthe part ships tomorrow.\nKind regards', policy('SG'), 'en', { contact: { givenName: 'Wei', surname: 'Tan' } })).toContain('first-name-address');
  });

  it('missing greeting and sign-off in a formal culture; emoji in a reserved one', () => {
    const c = codes('Der Techniker kommt morgen 👍\nbis dann', policy('DE'), 'de');
    expect(c).toEqual(expect.arrayContaining(['missing-greeting', 'missing-sign-off', 'emoji']));
  });

  it('detects a reply in the wrong script when no locale is given', () => {
    expect(codes('Dear customer, the part ships tomorrow. Regards', policy('JP'))).toContain('language-mismatch');
    expect(codes('田中様\n明日発送いたします。\nよろしくお願いいたします。', policy('JP'))).not.toContain('language-mismatch');
  });

  it('puts warnings before infos and returns nothing for an empty draft', () => {
    const w = checkReplyAgainstPolicy('Hi 👍', policy('JP'), 'en');
    expect(w[0].severity).toBe('warning');
    expect(w[w.length - 1].severity).toBe('info');
    expect(checkReplyAgainstPolicy('  \n ', policy('JP'), 'en')).toEqual([]);
  });
});

describe('containsPhrase', () => {
  it('matches whole words in any script, substrings in CJK', () => {
    expect(containsPhrase('Kannst du das?', 'du')).toBe(true);
    expect(containsPhrase('Dubai office', 'du')).toBe(false);
    expect(containsPhrase('Как ты?', 'ты')).toBe(true);
    expect(containsPhrase('Мытье', 'ты')).toBe(false);
    expect(containsPhrase('我们会联系您的上级。', '上级')).toBe(true);
  });
});
