import { describe, expect, it } from 'vitest';
import { SALUTATIONS } from './data/salutations.js';
import { addressFromEarlierGreeting, buildSalutation, exampleGreeting, renderSalutation, salutationLanguageFor, titleFromName } from './salutation.js';

const greet = (lang: string, register: 'informal' | 'formal' | 'honorific', person: Parameters<typeof renderSalutation>[1], nameOverride?: string) =>
  renderSalutation(buildSalutation(lang, register, nameOverride), person);

describe('salutation templates', () => {
  it.each(['en', 'de', 'pl', 'he', 'ja', 'zh', 'ko', 'es', 'pt', 'it', 'fr', 'fi', 'hi', 'en-IN', 'ar', 'sv', 'nl', 'tr', 'ru'])(
    '%s has greetings for every register and gender, a sign-off per register and an anonymous greeting',
    (lang) => {
      const s = SALUTATIONS[lang];
      expect(s, lang).toBeDefined();
      for (const g of ['female', 'male', 'neutral'] as const) expect(s.formal[g]).toMatch(/\S/);
      expect(s.informal).toMatch(/\{givenName\}|\{surname\}/);
      for (const r of ['informal', 'formal', 'honorific'] as const) expect(s.signOff[r]).toMatch(/\S/);
      expect(s.anonymous).not.toMatch(/\{/);
    },
  );

  it('picks the template language from a BCP 47 tag', () => {
    expect(salutationLanguageFor('en-IN')).toBe('en-IN');
    expect(salutationLanguageFor('en-GB')).toBe('en');
    expect(salutationLanguageFor('zh-TW')).toBe('zh-Hant');
    expect(salutationLanguageFor('zh-Hant-HK')).toBe('zh-Hant');
    expect(salutationLanguageFor('zh-CN')).toBe('zh');
    expect(salutationLanguageFor('de_AT')).toBe('de');
    expect(salutationLanguageFor('th-TH')).toBeNull();
    expect(buildSalutation('th-TH', 'formal').fallback).toBe(true);
  });
});

describe('renderSalutation', () => {
  it('German: "Sehr geehrte Frau Dr. {surname}" with an academic title', () => {
    expect(greet('de', 'formal', { givenName: 'Anna', surname: 'Schmidt', gender: 'female', title: 'dr' }).greeting).toBe('Sehr geehrte Frau Dr. Schmidt,');
    expect(greet('de', 'formal', { givenName: 'Jan', surname: 'Weber', gender: 'male' }).greeting).toBe('Sehr geehrter Herr Weber,');
    expect(greet('de', 'formal', { givenName: 'Kim', surname: 'Weber' }).greeting).toBe('Guten Tag Kim Weber,');
    expect(greet('de', 'formal', { givenName: 'Katrin', surname: 'Weber', title: 'dr' }).greeting).toBe('Guten Tag Dr. Katrin Weber,');
    expect(greet('de', 'formal', {}).greeting).toBe('Sehr geehrte Damen und Herren,');
  });

  it('Polish: Szanowna Pani / Szanowny Panie, with vocative titles', () => {
    expect(greet('pl', 'formal', { surname: 'Nowak', gender: 'female' }).greeting).toBe('Szanowna Pani,');
    expect(greet('pl', 'formal', { surname: 'Nowak', gender: 'male', title: 'dr' }).greeting).toBe('Szanowny Panie Doktorze,');
    expect(greet('pl', 'formal', { surname: 'Nowak', gender: 'female', title: 'dr' }).greeting).toBe('Szanowna Pani Doktor,');
    expect(greet('pl', 'formal', { surname: 'Nowak', gender: 'male' }).signOff).toBe('Z wyrazami szacunku');
  });

  it('Japanese: {surname}様 with the customary opening and honorific sign-off', () => {
    const r = greet('ja', 'honorific', { givenName: '健二', surname: '田中' });
    expect(r.greeting).toBe('田中様');
    expect(r.opening).toBe('いつもお世話になっております。');
    expect(r.signOff).toBe('何卒よろしくお願い申し上げます。');
    expect(greet('ja', 'honorific', { surname: '田中', title: 'dr' }).greeting).toBe('田中先生');
  });

  it('Korean and Chinese put the surname first without a space', () => {
    expect(greet('ko', 'honorific', { givenName: '민준', surname: '김' }).greeting).toBe('김민준님, 안녕하십니까.');
    expect(greet('ko', 'honorific', { givenName: '민준', surname: '김', title: 'dr' }).greeting).toBe('김민준 박사님, 안녕하십니까.');
    expect(greet('zh', 'formal', { givenName: '伟', surname: '王', gender: 'male' }).greeting).toBe('尊敬的王先生：');
    expect(greet('zh', 'formal', { givenName: '伟', surname: '王' }).greeting).toBe('尊敬的王伟，您好：');
  });

  it('Israel and Finland: first name, informal', () => {
    expect(greet('he', 'informal', { givenName: 'יוסי', surname: 'כהן' }).greeting).toBe('שלום יוסי,');
    expect(greet('fi', 'informal', { givenName: 'Markus', surname: 'Virtanen' }).greeting).toBe('Hei Markus,');
  });

  it('English and Arabic use the title in place of Ms/Mr', () => {
    expect(greet('en', 'formal', { surname: 'Smith', gender: 'female', title: 'dr' }).greeting).toBe('Dear Dr Smith,');
    expect(greet('en', 'formal', { surname: 'Smith', gender: 'female' }).greeting).toBe('Dear Ms Smith,');
    expect(greet('ar', 'formal', { surname: 'الحسن', gender: 'male', title: 'eng' }).greeting).toBe('المهندس الحسن المحترم،');
  });

  it('the name they sign with wins over the record', () => {
    expect(greet('pl', 'informal', { givenName: 'Katarzyna', surname: 'Nowak' }, 'Kasia').greeting).toBe('Cześć Kasia,');
    expect(greet('ja', 'honorific', { givenName: 'Kenji', surname: 'Tanaka' }, '田中').greeting).toBe('田中様');
    expect(greet('de', 'formal', { givenName: 'Anna', surname: 'Schmidt' }, 'Anna Schmidt-Lang').greeting).toBe('Guten Tag Anna Schmidt-Lang,');
  });

  it('falls back to the anonymous greeting when no name part is known', () => {
    expect(greet('en', 'informal', {}).greeting).toBe('Hello,');
    expect(greet('ja', 'honorific', {}).greeting).toBe('ご担当者様');
  });

  it('gives a readable example for explanations', () => {
    expect(exampleGreeting(buildSalutation('pl', 'formal'))).toBe('Szanowna Pani, / Szanowny Panie,');
    expect(exampleGreeting(buildSalutation('ja', 'honorific'))).toBe('{surname}様');
    expect(exampleGreeting(buildSalutation('de', 'formal'))).toBe('Sehr geehrte Frau {surname}, / Sehr geehrter Herr {surname},');
  });
});

describe('titleFromName', () => {
  it('reads academic and engineering titles from the start of a name', () => {
    expect(titleFromName('Dr. Katrin Weber')).toBe('dr');
    expect(titleFromName('Prof. Dr. Hans Lang')).toBe('prof');
    expect(titleFromName('Dott.ssa Giulia Romano')).toBe('dr');
    expect(titleFromName('Ing. Jan Novák')).toBe('eng');
    expect(titleFromName('ד"ר נועה כהן')).toBe('dr');
    expect(titleFromName('Drew Barrymore')).toBeNull();
    expect(titleFromName(null)).toBeNull();
  });
});

describe('addressFromEarlierGreeting', () => {
  const pl = buildSalutation('pl', 'formal');
  const person = { givenName: 'Agnieszka', surname: 'Wójcik' };
  it('takes the form an earlier reply used, newest first', () => {
    expect(addressFromEarlierGreeting(pl, person, ['Szanowna Pani,', 'Szanowni Państwo,'])).toEqual({ gender: 'female', title: null });
    expect(addressFromEarlierGreeting(pl, person, ['Szanowny Panie,', 'Szanowna Pani,'])).toEqual({ gender: 'male', title: null });
    expect(renderSalutation(pl, { ...person, gender: 'female' }).greeting).toBe('Szanowna Pani,');
  });
  it('finds nothing in the generic or an unrelated first line', () => {
    expect(addressFromEarlierGreeting(pl, person, ['Szanowni Państwo,', 'Dzień dobry,', 'Dziękujemy za cierpliwość.'])).toBeNull();
    expect(addressFromEarlierGreeting(pl, person, [])).toBeNull();
  });
});
