import { describe, expect, it } from 'vitest';
import { countryPolicy, countryProfile } from './catalog.js';
import type { CuratedEdits } from './edits.js';
import { EXPLANATIONS } from './explanations.js';
import { deriveServicePolicy } from './policy.js';
import type { CountryProfile } from './types.js';

const policy = (c: string) => countryPolicy(c, { year: 2026 });

describe('seed claims come out of the data', () => {
  it.each(['IN', 'IT', 'ES', 'GR', 'BR'])('%s: phone first and repeated contact (expressive culture)', (c) => {
    const p = policy(c);
    expect(p.channels.value[0]).toBe('phone');
    expect(p.expectedContacts.value).toBeGreaterThanOrEqual(3);
    expect(p.followUpCadence.value.mode).toBe('proactive-calls');
    expect(p.continuity.value).toBe('same-agent');
    expect(p.channels.why).toMatch(/multi-active weight 0\.\d\d/);
  });

  it.each(['FI', 'DE', 'GB'])('%s: one complete email', (c) => {
    const p = policy(c);
    expect(p.channels.value[0]).toBe('email');
    expect(p.expectedContacts.value).toBe(1);
    expect(p.followUpCadence.value).toMatchObject({ mode: 'single-complete-reply', intervalBusinessHours: null });
    expect(p.continuity.value).toBe('any-agent');
  });

  it.each(['JP', 'KR', 'CN', 'TW', 'SG'])('%s: hierarchy caution, formal register, care for how the work looks', (c) => {
    const p = policy(c);
    expect(p.hierarchyCautions.value).toContain('never-bypass-contact');
    expect(p.hierarchyCautions.value).toContain('senior-title-on-card');
    expect(p.hierarchyCautions.value).toContain('results-to-show-upward');
    expect(['formal', 'honorific']).toContain(p.register.value);
    expect(p.appearance.value).toEqual({ level: 'formal', tidyWorkspace: true });
    expect(p.hierarchyCautions.why).toMatch(/Power distance \d+/);
  });

  it('Japan and Korea write in the honorific register, with 様 in Japanese', () => {
    expect(policy('JP').register.value).toBe('honorific');
    expect(policy('KR').register.value).toBe('honorific');
    expect(policy('JP').salutation.value).toMatchObject({ language: 'ja', templates: { neutral: '{surname}{title|様}' } });
  });

  it('Germany is direct, Japan indirect', () => {
    expect(policy('DE').tone.value.directness).toBe('direct');
    expect(policy('JP').tone.value.directness).toBe('indirect');
    expect(policy('DE').tone.why).toMatch(/feedback directness 5\/5/);
  });

  it('China → WeChat first', () => {
    const p = policy('CN');
    expect(p.channels.value[0]).toBe('wechat');
    expect(p.channels.why).toMatch(/WeChat first/);
  });

  it('Israel: low hierarchy, informal, first name, Sunday–Thursday', () => {
    const p = policy('IL');
    expect(p.hierarchy.value).toBe('low');
    expect(p.hierarchyCautions.value).toEqual([]);
    expect(p.register.value).toBe('informal');
    expect(p.salutation.value.templates.neutral).toBe('שלום {givenName},');
    expect(p.workweek.value).toEqual([7, 1, 2, 3, 4]);
    expect(p.contactHours.value.days).toEqual([7, 1, 2, 3, 4]);
    expect(p.contactHours.value.timeZone).toBe('Asia/Jerusalem');
  });

  it('Finland is addressed by first name; Poland and Germany formally', () => {
    expect(policy('FI').salutation.value.templates.neutral).toBe('Hei {givenName},');
    expect(policy('PL').salutation.value.templates).toMatchObject({ female: 'Szanowna Pani {title},', male: 'Szanowny Panie {title},' });
    expect(policy('DE').salutation.value.templates.female).toBe('Sehr geehrte Frau {title} {surname},');
  });

  it('rule-oriented cultures follow procedure to the letter; Israel does not', () => {
    for (const c of ['DE', 'JP', 'PL', 'FR']) expect(policy(c).procedure.value).toMatchObject({ strictness: 'strict', writtenRecapAfterCall: true });
    expect(policy('IL').procedure.value.strictness).not.toBe('strict');
    expect(policy('IL').appearance.value.level).toBe('practical');
  });
});

describe('rules, not a lookup table', () => {
  const withEdits = (c: string, edits: CuratedEdits) => deriveServicePolicy(countryProfile(c, { year: 2026, edits }));

  it("Germany with Italy's Lewis weights becomes phone-first with repeated contact", () => {
    const p = withEdits('DE', { lewis: { value: { linearActive: 0.2, multiActive: 0.7, reactive: 0.1 } } });
    expect(p.channels.value[0]).toBe('phone');
    expect(p.expectedContacts.value).toBe(4);
  });

  it('Israel with high power distance would be formal with hierarchy cautions', () => {
    const base = countryProfile('IL', { year: 2026 });
    const hierarchical: CountryProfile = {
      ...base,
      hofstede: { ...base.hofstede, pdi: { ...base.hofstede.pdi, value: 80 }, idv: { ...base.hofstede.idv, value: 30 } },
      formality: { ...base.formality, value: { register: 'formal', useTitles: true, informalWhen: 'customer-initiates' } },
    };
    const p = deriveServicePolicy(hierarchical);
    expect(p.hierarchy.value).toBe('high');
    expect(p.hierarchyCautions.value).toContain('never-bypass-contact');
  });

  it('a direct culture becomes indirect when its context is edited to 5', () => {
    expect(withEdits('DE', { context: { value: 5 } }).tone.value.directness).toBe('indirect');
  });

  it('a dominant business app leads the written channels wherever it is recorded', () => {
    const p = withEdits('FI', { messaging: { value: { apps: ['telegram'], businessUse: { telegram: 'dominant' }, also: [], asOf: '2026' } } });
    expect(p.channels.value.slice(0, 2)).toEqual(['telegram', 'email']);
  });
});

describe('every field explains itself', () => {
  it.each(['DE', 'JP', 'IL', 'IN', 'XK', 'AE', 'KE', 'AQ'])('%s: each field has a sentence with no unfilled placeholder, and sources', (c) => {
    const p = policy(c);
    for (const [name, field] of Object.entries(p)) {
      if (name === 'country') continue;
      const f = field as { why: string; sources: string[]; whyCode: keyof typeof EXPLANATIONS; whyParams: Record<string, unknown> };
      expect(f.why.length, name).toBeGreaterThan(20);
      const placeholders = [...EXPLANATIONS[f.whyCode].matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const k of placeholders) expect(f.whyParams, `${name}.${k}`).toHaveProperty(k);
      expect(f.sources.length, name).toBeGreaterThan(0);
      expect(Object.keys(EXPLANATIONS), name).toContain(f.whyCode);
    }
  });
});
