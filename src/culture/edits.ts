/**
 * Which curated profile fields a manager may edit, and the schema each edited value must
 * satisfy. Used by the profile builder (to apply edits) and by the API (to validate them).
 */
import { z } from 'zod';
import { CHANNELS } from './types.js';

const ordinal = z.number().int().min(1).max(5);
const weekday = z.number().int().min(1).max(7);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');
const channel = z.enum(CHANNELS);

export const lewisSchema = z
  .object({ linearActive: z.number().min(0).max(1), multiActive: z.number().min(0).max(1), reactive: z.number().min(0).max(1) })
  .refine((w) => Math.abs(w.linearActive + w.multiActive + w.reactive - 1) < 0.011, {
    message: 'Lewis weights must sum to 1',
  });

export const timeSlotSchema = z
  .object({ start: hhmm, end: hhmm })
  .refine((s) => s.start < s.end, { message: 'start must be before end' });

export const CURATED_FIELD_SCHEMAS = {
  lewis: lewisSchema,
  context: ordinal,
  feedbackDirectness: ordinal,
  expressiveness: ordinal,
  formality: z.object({
    register: z.enum(['informal', 'formal', 'honorific']),
    useTitles: z.boolean(),
    informalWhen: z.enum(['default', 'customer-initiates', 'never']),
  }),
  languages: z.array(z.string().regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'BCP 47 language tag')).min(1).max(8),
  messaging: z.object({
    apps: z.array(channel).max(6),
    businessUse: z.partialRecord(channel, z.enum(['dominant', 'common'])),
    also: z.array(channel).max(4),
    asOf: z.string().min(4).max(20),
  }),
  workdays: z.array(weekday).min(1).max(7).refine((d) => new Set(d).size === d.length, { message: 'duplicate weekday' }),
  businessHours: z.array(timeSlotSchema).min(1).max(3),
} as const;

export type CuratedField = keyof typeof CURATED_FIELD_SCHEMAS;
export const CURATED_FIELDS = Object.keys(CURATED_FIELD_SCHEMAS) as CuratedField[];

export type CuratedValue<F extends CuratedField> = z.infer<(typeof CURATED_FIELD_SCHEMAS)[F]>;

export interface CuratedEdit<F extends CuratedField = CuratedField> {
  value: CuratedValue<F>;
  note?: string;
  by?: string;
  at?: string;
}

export type CuratedEdits = { [F in CuratedField]?: CuratedEdit<F> };

/** True when `field` names an editable curated field (guards values coming from the API). */
export function isCuratedField(field: string): field is CuratedField {
  return Object.prototype.hasOwnProperty.call(CURATED_FIELD_SCHEMAS, field);
}

/**
 * Validates one edited value; returns the parsed value or the zod issues as `{path, message}`
 * so the API can answer a problem+json 400 that points at the bad part.
 */
export function validateCuratedValue(
  field: CuratedField,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; errors: { path: string; message: string }[] } {
  const result = CURATED_FIELD_SCHEMAS[field].safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ path: ['value', ...i.path.map(String)].join('.'), message: i.message })),
  };
}
