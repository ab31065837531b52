import { describe, expect, it } from 'vitest';
import { countriesWithData, countryPolicy, countryProfile, summarise } from './catalog.js';
import { checkCountryCode } from './country-code.js';
import { LEWIS_WEIGHTS } from './data/lewis-weights.js';
import { SOURCES } from './data/sources.js';
import { HOFSTEDE_DIMENSIONS, type Sourced } from './types.js';

const profile = (c: string) => countryProfile(c, { year: 2026 });

describe('country codes', () => {
  it('accepts ISO alpha-2 in any case and rejects the rest with a reason', () => {
    expect(checkCountryCode(' il ')).toEqual({ ok: true, code: 'IL' });
    expect(checkCountryCode('ISR')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkCountryCode('I1')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkCountryCode('')).toMatchObject({ ok: false, reason: 'malformed' });
    expect(checkCountryCode('QQ')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(checkCountryCode('SU')).toMatchObject({ ok: false, reason: 'unknown' }); // the USSR is gone
    expect(checkCountryCode('XK')).toEqual({ ok: true, code: 'XK' });
  });
});

describe('country profiles', () => {
  it('covers at least the 100 Hofstede countries plus their regional neighbours', () => {
    const codes = countriesWithData();
    expect(codes.length).toBeGreaterThanOrEqual(120);
    for (const c of ['DE', 'JP', 'IL', 'AE', 'KE', 'GH', 'QA']) expect(codes).toContain(c);
  });

  it('records a known source and a confidence for every field', () => {
    const p = profile('JP');
    const fields = Object.entries(p).filter(([, v]) => v && typeof v === 'object' && 'confidence' in v) as [string, Sourced<unknown>][];
    for (const d of HOFSTEDE_DIMENSIONS) fields.push([`hofstede.${d}`, p.hofstede[d]]);
    expect(fields.length).toBe(19); // 13 profile fields + 6 Hofstede dimensions
    for (const [name, f] of fields) {
      expect(['measured', 'published', 'curated', 'derived'], name).toContain(f.confidence);
      expect(f.sources.length, name).toBeGreaterThan(0);
      for (const s of f.sources) expect(SOURCES, `${name}: ${s}`).toHaveProperty(s);
    }
    expect(p.hofstede.pdi).toMatchObject({ value: 54, confidence: 'measured', sources: ['hofstede-2015'] });
    expect(p.missing).toEqual([]);
  });

  it('flags clamped scores', () => {
    expect(profile('GR').hofstede.uai).toMatchObject({ value: 100, note: expect.stringMatching(/112 clamped/) });
  });

  it('fills gaps from the regional aggregate and lists them as missing', () => {
    const ae = profile('AE');
    expect(ae.hofstede.pdi).toMatchObject({ value: 80, confidence: 'derived', sources: ['hofstede-2015-regional'] });
    expect(ae.hofstede.pdi.note).toMatch(/Arab countries/);
    expect(ae.missing.filter((m) => m.fallback === 'regional-aggregate')).toHaveLength(6);
    const il = profile('IL');
    expect(il.missing).toEqual([expect.objectContaining({ field: 'hofstede.ivr', fallback: 'global-default' })]);
  });

  it('answers the global default, and says what is missing, for an ISO country without data', () => {
    const xk = profile('XK');
    expect(xk.isDefault).toBe(true);
    expect(xk.missing.map((m) => m.field)).toEqual(expect.arrayContaining(['hofstede.pdi', 'lewis', 'context', 'messaging']));
    expect(xk.lewis.value.linearActive).toBeCloseTo(1 / 3);
    expect(summarise(xk, countryPolicy('XK', { year: 2026 })).coverage).toBe('default');
    const aq = profile('AQ');
    expect(aq.holidays.value.supported).toBe(false);
    expect(aq.missing.map((m) => m.field)).toContain('holidays');
  });

  it('reads workweek and first day from CLDR, with curated overrides', () => {
    expect(profile('IL').week).toMatchObject({ value: { firstDay: 7, weekend: [5, 6], workdays: [7, 1, 2, 3, 4] }, confidence: 'curated' });
    expect(profile('DE').week).toMatchObject({ value: { firstDay: 1, workdays: [1, 2, 3, 4, 5] }, confidence: 'published' });
    expect(profile('AE').week.value.workdays).toEqual([1, 2, 3, 4, 5]);
    expect(profile('SA').week.value.workdays).toEqual([7, 1, 2, 3, 4]);
    expect(profile('IN').week.value.workdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('knows name order, direction, languages and holidays', () => {
    expect(profile('JP').nameOrder.value).toBe('surnameFirst');
    expect(profile('HU').nameOrder.value).toBe('surnameFirst');
    expect(profile('DE').nameOrder.value).toBe('givenFirst');
    expect(profile('IL').rtl.value).toBe(true);
    expect(profile('IN').languages.value).toEqual(['en-IN', 'hi-IN']);
    expect(profile('PL').languages.value).toEqual(['pl-PL']);
    const pl = profile('PL').holidays.value;
    expect(pl.supported).toBe(true);
    expect(pl.items.map((h) => h.date)).toContain('2026-11-11');
  });

  it('keeps messaging apps ordered with an as-of date and source', () => {
    const cn = profile('CN').messaging;
    expect(cn.value).toMatchObject({ apps: ['wechat'], businessUse: { wechat: 'dominant' }, asOf: '2022' });
    expect(cn.sources).toContain('similarweb-2022');
  });

  it('curated Lewis weights all sum to 1', () => {
    for (const [c, w] of Object.entries(LEWIS_WEIGHTS)) expect(w[0] + w[1] + w[2], c).toBeCloseTo(1, 5);
  });

  it('applies a manager edit over the curated table and records who made it', () => {
    const p = countryProfile('JP', { year: 2026, edits: { context: { value: 3, note: 'Tokyo IT customers', by: 'Maya' } } });
    expect(p.context).toMatchObject({ value: 3, confidence: 'curated', sources: ['manager-edit'] });
    expect(p.context.note).toMatch(/Maya.*Tokyo/);
    const w = countryProfile('IL', { year: 2026, edits: { workdays: { value: [1, 2, 3, 4, 5, 7] } } });
    expect(w.week.value.workdays).toEqual([7, 1, 2, 3, 4, 5]);
  });

  it('builds a profile and policy for every ISO country without throwing', () => {
    for (const c of ['US', 'VA', 'BV', 'KP', 'TV']) expect(() => countryPolicy(c, { year: 2026 })).not.toThrow();
  });
});
