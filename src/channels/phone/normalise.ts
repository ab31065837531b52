/**
 * Phone numbers as one comparable form. The same customer reaches us as "+48 22 123 45 67" on a
 * call, "48221234567" from WhatsApp, "whatsapp:+48221234567" from Twilio and "022 123 45 67" in
 * a contact record; matching them to one contact needs E.164. The country the number belongs
 * to is what an agent sees for a caller we do not know yet.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface NormalisedPhone {
  /** E.164, e.g. "+48221234567": the key identities are stored and matched by. */
  e164: string;
  /** ISO 3166-1 alpha-2 of the number's country, or null when the calling code is shared and ambiguous. */
  country: string | null;
  /** False when the country is the calling code's main country rather than proven by the number. */
  countryCertain: boolean;
  countryCallingCode: string;
  /** "+48 22 123 45 67": for display. */
  international: string;
  /** Whether the number is valid for its numbering plan (it may still be "possible" but unassigned). */
  valid: boolean;
  /** "MOBILE", "FIXED_LINE", "TOLL_FREE" …, when known. */
  type: string | null;
}

/** Strips the scheme prefixes providers put in front of numbers ("tel:", "whatsapp:", "sip:…@"). */
function stripScheme(input: string): string {
  let s = input.trim();
  s = s.replace(/^(tel|whatsapp|sms|callto):/i, '');
  const sip = /^sips?:([^@;]+)/i.exec(s);
  if (sip) s = sip[1];
  return s.trim();
}

/**
 * Parses a phone number in any common notation into E.164 and its country.
 * `defaultCountry` reads national notation ("050-…" in Israel); without it, a number of digits
 * only is read as international, which is how WhatsApp and Telegram send them. Returns null for
 * anything that is not a possible phone number.
 */
export function normalisePhone(input: string, defaultCountry?: string | null): NormalisedPhone | null {
  let s = stripScheme(input);
  if (s === '') return null;
  // "00" is the international prefix in most of the world; it means "+".
  if (/^00[1-9]/.test(s.replace(/[\s().-]/g, ''))) s = `+${s.replace(/[\s().-]/g, '').slice(2)}`;
  const dc = defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  let parsed = parsePhoneNumberFromString(s, dc ? { defaultCountry: dc } : undefined);
  if (!parsed && !dc && /^[\d\s().-]{8,}$/.test(s)) parsed = parsePhoneNumberFromString(`+${s.replace(/\D/g, '')}`);
  if (!parsed || !parsed.isPossible()) return null;

  let country: string | null = parsed.country ?? null;
  let countryCertain = country !== null;
  if (!country) {
    const possible = parsed.getPossibleCountries();
    if (possible.length > 0) {
      country = possible[0];
      countryCertain = possible.length === 1;
    }
  }
  return {
    e164: parsed.number,
    country,
    countryCertain,
    countryCallingCode: parsed.countryCallingCode,
    international: parsed.formatInternational(),
    valid: parsed.isValid(),
    type: parsed.getType() ?? null,
  };
}

/** The E.164 form, or null: the short form used as an identity key. */
export function toE164(input: string, defaultCountry?: string | null): string | null {
  return normalisePhone(input, defaultCountry)?.e164 ?? null;
}

/** A country's name in the agent's language ("Polska", "ישראל"), for the screen pop. */
export function countryDisplayName(country: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}
