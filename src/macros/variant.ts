/**
 * Which variant of a macro a ticket gets: the best match of the ticket's language and the
 * culture policy's register, falling back through the language's base, the organisation's
 * default language and English — and saying which step decided, so the agent can trust it.
 */
/** The culture policy's register (`Register` of culture); kept here so the web can import this file alone. */
export type Register = 'informal' | 'formal' | 'honorific';

export const REGISTERS = ['informal', 'formal', 'honorific'] as const satisfies readonly Register[];

export interface MacroVariant {
  language: string;
  register: Register;
  body: string;
}

/** Why a variant was chosen, most specific first. */
export type VariantReason =
  | 'exact' // the ticket's language and register
  | 'language' // the ticket's language, another register
  | 'base-language' // the base of the ticket's language ('pt' for 'pt-BR'), or a regional form of it
  | 'organisation-default' // the default language of the customer's organisation (its country)
  | 'english' // English
  | 'first'; // nothing matched: the macro's first variant

export interface VariantChoice {
  index: number;
  variant: MacroVariant;
  reason: VariantReason;
}

const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

/** How close another register is: honorific ↔ formal is nearer than honorific ↔ informal. */
const REGISTER_ORDER: Record<Register, Register[]> = {
  honorific: ['honorific', 'formal', 'informal'],
  formal: ['formal', 'honorific', 'informal'],
  informal: ['informal', 'formal', 'honorific'],
};

function bestRegister(candidates: { v: MacroVariant; i: number }[], register: Register) {
  for (const r of REGISTER_ORDER[register]) {
    const hit = candidates.find((c) => c.v.register === r);
    if (hit) return hit;
  }
  return candidates[0];
}

/**
 * Chooses the variant for a ticket. `language` is the ticket's (or the contact's) language tag,
 * `register` the culture policy's, `organisationLanguage` the customer organisation's default.
 * Null only for a macro without variants.
 */
export function chooseVariant(
  variants: readonly MacroVariant[],
  want: { language: string | null; register: Register; organisationLanguage?: string | null },
): VariantChoice | null {
  if (variants.length === 0) return null;
  const all = variants.map((v, i) => ({ v, i }));
  const pick = (c: { v: MacroVariant; i: number }, reason: VariantReason): VariantChoice => ({ index: c.i, variant: c.v, reason });
  if (want.language) {
    const lang = want.language.toLowerCase();
    const same = all.filter((c) => c.v.language.toLowerCase() === lang);
    const exact = same.find((c) => c.v.register === want.register);
    if (exact) return pick(exact, 'exact');
    if (same.length) return pick(bestRegister(same, want.register), 'language');
    const related = all.filter((c) => base(c.v.language) === base(lang));
    if (related.length) return pick(bestRegister(related, want.register), 'base-language');
  }
  if (want.organisationLanguage) {
    const org = all.filter((c) => base(c.v.language) === base(want.organisationLanguage!));
    if (org.length) return pick(bestRegister(org, want.register), 'organisation-default');
  }
  const english = all.filter((c) => base(c.v.language) === 'en');
  if (english.length) return pick(bestRegister(english, want.register), 'english');
  return pick(all[0], 'first');
}
