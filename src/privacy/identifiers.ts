/**
 * The strings that identify one person in free text, and the pattern that finds them. Only whole
 * names, addresses and numbers count: a family name alone ("Tanaka") is also a company's name
 * and other people's, and redacting it everywhere would erase them too.
 */
import type { Identifiers, SubjectFacts } from './sources.js';

/** Shorter strings match inside ordinary words; a real name or address is longer. */
const MIN_LENGTH = 4;

/** Merges what the sources know into one de-duplicated, normalised set. */
export function mergeIdentifiers(parts: SubjectFacts[]): Identifiers {
  const names = new Set<string>();
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const part of parts) {
    for (const name of part.names ?? []) {
      const clean = name.replace(/\s+/g, ' ').trim();
      if (clean.length >= MIN_LENGTH) names.add(clean);
    }
    for (const email of part.emails ?? []) {
      const clean = email.trim().toLowerCase();
      if (clean.includes('@') && clean.length >= MIN_LENGTH) emails.add(clean);
    }
    for (const phone of part.phones ?? []) {
      const digits = phone.replace(/[^\d]/g, '');
      if (digits.length < 6) continue;
      phones.add(`+${digits}`);
      phones.add(digits);
    }
  }
  return { names: [...names], emails: [...emails], phones: [...phones] };
}

/** Every identifier, longest first so "+48123456789" is replaced before "48123456789" inside it. */
export function allIdentifiers(ids: Identifiers): string[] {
  return [...ids.names, ...ids.emails, ...ids.phones]
    // A quote or backslash would be escaped inside JSON text and never match there; none occurs in a real name or address.
    .filter((s) => !/["\\]/.test(s))
    .sort((a, b) => b.length - a.length);
}

/** A PostgreSQL regular expression (ARE) matching any identifier literally; null when there is none. */
export function identifierPattern(ids: Identifiers): string | null {
  const list = allIdentifiers(ids);
  if (list.length === 0) return null;
  return list.map((s) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|');
}

/** Whether a text mentions the person: the test's and the export's check, the same rule as the database sweep. */
export function mentions(text: string, ids: Identifiers): boolean {
  const lower = text.toLowerCase();
  return allIdentifiers(ids).some((s) => lower.includes(s.toLowerCase()));
}

/** Full-name forms a person is written as: as stored, given-family and family-given (with and without a space, as in Japanese). */
export function nameForms(name: string | null | undefined, given?: string | null, family?: string | null): string[] {
  const forms = [name ?? ''];
  if (given && family) forms.push(`${given} ${family}`, `${family} ${given}`, `${family}${given}`);
  return forms.filter(Boolean);
}
