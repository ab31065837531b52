/**
 * Curated communication ordinals (1–5). Context follows Hall's ordering (Beyond Culture 1976;
 * Hall & Hall 1990) and Meyer's "communicating" scale; feedback directness follows Meyer's
 * "evaluating" scale (The Culture Map 2014). These are our own ordinals informed by those
 * books, not their plotted positions. Countries missing here get a derived value instead.
 */
import type { Formality, Ordinal5 } from '../types.js';

/** 1 = low context (say it explicitly) … 5 = high context (read between the lines). */
export const CONTEXT: Readonly<Record<string, Ordinal5>> = {
  DE: 1, CH: 1, NL: 1, US: 1, AU: 1,
  AT: 2, DK: 2, SE: 2, NO: 2, FI: 2, IS: 2, EE: 2, CA: 2, NZ: 2, IL: 2, LU: 2,
  GB: 3, IE: 3, BE: 3, FR: 3, CZ: 3, PL: 3, HU: 3, SK: 3, IT: 3, ES: 3, AR: 3, ZA: 3,
  PT: 4, GR: 4, TR: 4, RU: 4, UA: 4, BR: 4, MX: 4, CL: 4, CO: 4, PE: 4, IN: 4, PK: 4,
  BD: 4, LB: 4, MA: 4, TW: 4, HK: 4, SG: 4, MY: 4, PH: 4, NG: 4, KE: 4,
  SA: 5, AE: 5, EG: 5, QA: 5, KW: 5, JO: 5, IR: 5, CN: 5, JP: 5, KR: 5, VN: 5, TH: 5, ID: 5,
};

/** 1 = negative feedback wrapped and implied … 5 = negative feedback stated plainly. */
export const FEEDBACK_DIRECTNESS: Readonly<Record<string, Ordinal5>> = {
  NL: 5, IL: 5, DE: 5, RU: 5,
  DK: 4, FR: 4, NO: 4, FI: 4, CH: 4, AT: 4, CZ: 4, SK: 4, PL: 4, HU: 4, IT: 4, ES: 4, GR: 4,
  UA: 4, EE: 4,
  SE: 3, AU: 3, US: 3, CA: 3, NZ: 3, BE: 3, LU: 3, PT: 3, BR: 3, AR: 3, LB: 3, TR: 3, NG: 3, ZA: 3,
  GB: 2, IE: 2, MX: 2, CL: 2, CO: 2, PE: 2, IN: 2, PK: 2, BD: 2, SA: 2, AE: 2, EG: 2, QA: 2,
  KW: 2, JO: 2, MA: 2, IR: 2, CN: 2, KR: 2, TW: 2, HK: 2, SG: 2, KE: 2,
  JP: 1, VN: 1, TH: 1, ID: 1, MY: 1, PH: 1,
};

/**
 * Curated corrections where the formality rule over Hofstede scores is known to misjudge
 * business practice. Kept tiny on purpose: the rule should carry the weight.
 */
export const FORMALITY_OVERRIDES: Readonly<Record<string, { value: Formality; note: string }>> = {
  CH: {
    value: { register: 'formal', useTitles: true, informalWhen: 'customer-initiates' },
    note: 'Swiss business correspondence keeps "Sie"/"vous" and titles despite low power distance.',
  },
};
