import { describe, expect, it } from 'vitest';
import { countryDisplayName, normalisePhone, toE164 } from './normalise.js';

describe('normalisePhone', () => {
  it('reads international notation with punctuation', () => {
    expect(normalisePhone('+48 22 123 45 67')).toMatchObject({
      e164: '+48221234567',
      country: 'PL',
      countryCertain: true,
      valid: true,
      type: 'FIXED_LINE',
      international: '+48 22 123 45 67',
    });
  });

  it('reads national notation with a default country', () => {
    expect(normalisePhone('03-123-4567', 'IL')?.e164).toBe('+97231234567');
    expect(normalisePhone('03-123-4567', 'il')?.country).toBe('IL');
  });

  it('tells Canada from the United States within +1', () => {
    expect(normalisePhone('+1 416 555 0123')?.country).toBe('CA');
    expect(normalisePhone('+1 212 555 0123')?.country).toBe('US');
  });

  it('reads provider forms: digits only, whatsapp:, tel:, sip:, 00 prefix', () => {
    expect(toE164('81312345678')).toBe('+81312345678');
    expect(toE164('whatsapp:+48221234567')).toBe('+48221234567');
    expect(toE164('tel:+1-212-555-0123')).toBe('+12125550123');
    expect(toE164('sip:+48221234567@pbx.example.com;user=phone')).toBe('+48221234567');
    expect(toE164('0048 22 123 45 67')).toBe('+48221234567');
  });

  it('gives every notation of one number the same key', () => {
    const forms = ['+48 22 123 45 67', '48221234567', '(22) 123-45-67', 'whatsapp:+48221234567'];
    const keys = forms.map((f) => toE164(f, f.startsWith('(') ? 'PL' : null));
    expect(new Set(keys)).toEqual(new Set(['+48221234567']));
  });

  it('names the likely country of a number it cannot prove valid', () => {
    const n = normalisePhone('+44 7700 900123');
    expect(n).toMatchObject({ e164: '+447700900123', country: 'GB', countryCertain: false, valid: false });
  });

  it('rejects what is not a phone number', () => {
    expect(normalisePhone('')).toBeNull();
    expect(normalisePhone('12')).toBeNull();
    expect(normalisePhone('hello')).toBeNull();
    expect(normalisePhone('anonymous')).toBeNull();
  });
});

describe('countryDisplayName', () => {
  it('names the country in the agent’s language', () => {
    expect(countryDisplayName('PL', 'en')).toBe('Poland');
    expect(countryDisplayName('PL', 'pl')).toBe('Polska');
    expect(countryDisplayName('IL', 'he')).toBe('ישראל');
  });
});
