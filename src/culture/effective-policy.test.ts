import { describe, expect, it } from 'vitest';
import { countryProfile } from './catalog.js';
import { resolveEffectivePolicy } from './effective-policy.js';
import type { ObservedBehaviour } from './observed.js';
import { validateOverride } from './overrides.js';

const de = countryProfile('DE', { year: 2026 });
const jp = countryProfile('JP', { year: 2026 });
const it_ = countryProfile('IT', { year: 2026 });

const none: ObservedBehaviour = { channelCounts: {}, contactsPerCase: [], languages: {}, signedName: null };

describe('resolveEffectivePolicy', () => {
  it('without overrides or observations returns the country policy and four steps', () => {
    const r = resolveEffectivePolicy({ country: de });
    expect(r.steps.map((s) => s.layer)).toEqual(['country', 'organisation', 'contact', 'observed']);
    expect(r.steps.every((s) => s.changes.length === 0)).toBe(true);
    expect(r.policy.channels.value[0]).toBe('email');
    expect(new Set(Object.values(r.origins))).toEqual(new Set(['country']));
  });

  it('applies organisation then contact overrides, each with its reason', () => {
    const r = resolveEffectivePolicy({
      country: de,
      organisationOverrides: { register: { value: 'informal', reason: 'Start-up that uses du everywhere', by: 'Ana Admin' } },
      contactOverrides: { channels: { value: ['whatsapp', 'email'], reason: 'Asked for WhatsApp only', by: 'Ana Admin' } },
    });
    expect(r.policy.register).toMatchObject({ value: 'informal', why: 'Set for this organisation by Ana Admin: Start-up that uses du everywhere', sources: ['override', 'rapport-rules'] });
    expect(r.policy.salutation.value.templates.neutral).toBe('Hallo {givenName},'); // the greeting follows the register
    expect(r.policy.channels.value).toEqual(['whatsapp', 'email']);
    expect(r.origins).toMatchObject({ register: 'organisation', salutation: 'organisation', channels: 'contact', tone: 'country' });
    const org = r.steps.find((s) => s.layer === 'organisation')!;
    expect(org.changes.map((c) => c.field)).toEqual(['register', 'salutation']);
    expect(org.changes[0]).toMatchObject({ from: 'formal', to: 'informal' });
  });

  it('a contact override beats an organisation override of the same field', () => {
    const r = resolveEffectivePolicy({
      country: de,
      organisationOverrides: { expectedContacts: { value: 2, reason: 'Key account' } },
      contactOverrides: { expectedContacts: { value: 5, reason: 'Anxious buyer' } },
    });
    expect(r.policy.expectedContacts.value).toBe(5);
    expect(r.origins.expectedContacts).toBe('contact');
  });

  it("the contact's own language and preferred channel win over the country's", () => {
    const r = resolveEffectivePolicy({ country: de, contact: { languages: ['pl-PL'], preferredChannel: 'phone', timeZone: 'Europe/Warsaw' } });
    expect(r.policy.salutation.value.language).toBe('pl');
    expect(r.policy.salutation.value.register).toBe('formal');
    expect(r.policy.salutation.why).toMatch(/contact's own language is Polish/);
    expect(r.policy.channels.value[0]).toBe('phone');
    expect(r.policy.contactHours.value.timeZone).toBe('Europe/Warsaw');
    expect(r.origins.salutation).toBe('contact');
  });

  it('observed: "calls rather than writes: 5 of the last 6 contacts were phone calls"', () => {
    const r = resolveEffectivePolicy({ country: de, observed: { ...none, channelCounts: { phone: 5, email: 1 } } });
    expect(r.policy.channels.value[0]).toBe('phone');
    expect(r.policy.channels.why).toBe('Calls rather than writes: 5 of the last 6 contacts were phone calls.');
    expect(r.policy.channels.sources).toContain('observed');
    expect(r.origins.channels).toBe('observed');
  });

  it('observed channel needs at least 5 contacts and a 60 % share', () => {
    expect(resolveEffectivePolicy({ country: de, observed: { ...none, channelCounts: { phone: 4 } } }).policy.channels.value[0]).toBe('email');
    expect(resolveEffectivePolicy({ country: de, observed: { ...none, channelCounts: { phone: 5, email: 4 } } }).policy.channels.value[0]).toBe('email');
    expect(resolveEffectivePolicy({ country: de, observed: { ...none, channelCounts: { phone: 6, email: 4 } } }).policy.channels.value[0]).toBe('phone');
  });

  it('a written-channel customer in a phone culture: "writes rather than calls"', () => {
    const r = resolveEffectivePolicy({ country: it_, observed: { ...none, channelCounts: { email: 7, phone: 1 } } });
    expect(r.policy.channels.value[0]).toBe('email');
    expect(r.policy.channels.why).toMatch(/^Writes rather than calls: 7 of the last 8 contacts were email messages/);
  });

  it('an admin override is not overwritten by observations, and the step says why', () => {
    const r = resolveEffectivePolicy({
      country: de,
      contactOverrides: { channels: { value: ['email', 'phone'], reason: 'Legal requires written records' } },
      observed: { ...none, channelCounts: { phone: 6 } },
    });
    expect(r.policy.channels.value[0]).toBe('email');
    const obs = r.steps.find((s) => s.layer === 'observed')!;
    expect(obs.changes).toEqual([]);
    expect(obs.skipped[0]).toMatchObject({ field: 'channels', reason: expect.stringMatching(/admin override stays in force/) });
  });

  it('observed contacts per case replace the expectation and make follow-up proactive', () => {
    const r = resolveEffectivePolicy({ country: de, observed: { ...none, contactsPerCase: [4, 3, 5, 4] } });
    expect(r.policy.expectedContacts.value).toBe(4);
    expect(r.policy.expectedContacts.why).toMatch(/median of the last 4 cases/);
    expect(r.policy.followUpCadence.value).toMatchObject({ mode: 'proactive-calls', intervalBusinessHours: 8 });
    const few = resolveEffectivePolicy({ country: de, observed: { ...none, contactsPerCase: [4, 4] } });
    expect(few.policy.expectedContacts.value).toBe(1);
  });

  it('a calm customer in an expressive culture gets written updates instead of calls', () => {
    const r = resolveEffectivePolicy({ country: it_, observed: { ...none, contactsPerCase: [1, 1, 2] } });
    expect(r.policy.expectedContacts.value).toBe(1);
    expect(r.policy.followUpCadence.value.mode).toBe('scheduled-written-updates');
  });

  it('observed language and signed name re-derive the greeting', () => {
    const r = resolveEffectivePolicy({
      country: jp,
      contact: { givenName: 'Kenji' },
      observed: { ...none, languages: { en: 6, ja: 1 }, signedName: 'Ken' },
    });
    expect(r.policy.salutation.value.language).toBe('en');
    expect(r.policy.salutation.value.register).toBe('honorific');
    expect(r.policy.salutation.value.nameOverride).toBe('Ken');
    expect(r.policy.salutation.why).toBe('Signs as "Ken": the greeting uses the name they sign with instead of "Kenji" from the record.');
    const obs = r.steps.find((s) => s.layer === 'observed')!;
    expect(obs.changes.map((c) => c.whyCode)).toEqual(['observed.language', 'observed.signedName']);
  });

  it('a salutation override blocks the language switch', () => {
    const fixed = { language: 'de', register: 'formal' as const, templates: { female: 'Sehr geehrte Frau Prof. Dr. Lang,', male: 'Sehr geehrte Frau Prof. Dr. Lang,', neutral: 'Sehr geehrte Frau Prof. Dr. Lang,' }, signOff: 'Mit freundlichen Grüßen' };
    const r = resolveEffectivePolicy({ country: de, contactOverrides: { salutation: { value: fixed, reason: 'She insists on both titles' } }, contact: { languages: ['en'] } });
    expect(r.policy.salutation.value.templates.female).toBe('Sehr geehrte Frau Prof. Dr. Lang,');
    expect(r.steps.find((s) => s.layer === 'contact')!.skipped.map((s) => s.field)).toEqual(['salutation']);
  });

  it('skips a stored override that no longer fits the schema', () => {
    const r = resolveEffectivePolicy({ country: de, organisationOverrides: { expectedContacts: { value: 'many', reason: 'old data' } } });
    expect(r.policy.expectedContacts.value).toBe(1);
    expect(r.steps[1].skipped).toEqual([{ field: 'expectedContacts', reason: expect.stringMatching(/schema/) }]);
  });
});

describe('validateOverride', () => {
  it('accepts a valid value with a reason', () => {
    expect(validateOverride('workweek', { value: [7, 1, 2, 3, 4], reason: 'Israeli office' })).toEqual({ ok: true, value: [7, 1, 2, 3, 4], reason: 'Israeli office' });
  });

  it('rejects bad values and a missing reason, pointing at the path', () => {
    const r = validateOverride('channels', { value: ['phone', 'pigeon'], reason: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual(['value.1', 'reason']);
    }
    const tz = validateOverride('contactHours', { value: { timeZone: 'Mars/Olympus', days: [1], slots: [{ start: '09:00', end: '17:00' }], avoidPublicHolidays: true }, reason: 'test it' });
    expect(tz.ok).toBe(false);
    const slot = validateOverride('contactHours', { value: { timeZone: 'Europe/Berlin', days: [1], slots: [{ start: '18:00', end: '09:00' }], avoidPublicHolidays: true }, reason: 'night shift' });
    expect(slot.ok).toBe(false);
  });
});
