/**
 * Schemas for admin overrides of policy fields (per organisation or contact). Every field of
 * the policy can be overridden; the value must have the same shape the policy uses, and a
 * reason is mandatory so the next agent knows why the country default does not apply.
 */
import { z } from 'zod';
import { CHANNELS, POLICY_FIELDS, type PolicyFieldName } from './types.js';
import { timeSlotSchema } from './edits.js';

const weekday = z.number().int().min(1).max(7);
const register = z.enum(['informal', 'formal', 'honorific']);

export const POLICY_VALUE_SCHEMAS: Record<PolicyFieldName, z.ZodType> = {
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).refine((c) => new Set(c).size === c.length, { message: 'duplicate channel' }),
  tone: z.object({ directness: z.enum(['direct', 'balanced', 'indirect']), warmth: z.enum(['warm', 'neutral', 'reserved']) }),
  register,
  salutation: z.object({
    language: z.string().min(2).max(20),
    register,
    templates: z.object({ female: z.string().min(1).max(200), male: z.string().min(1).max(200), neutral: z.string().min(1).max(200) }),
    signOff: z.string().max(200),
    nameOverride: z.string().max(100).nullable().optional(),
  }),
  expectedContacts: z.number().int().min(1).max(20),
  followUpCadence: z.object({
    mode: z.enum(['proactive-calls', 'single-complete-reply', 'scheduled-written-updates']),
    intervalBusinessHours: z.number().int().min(1).max(240).nullable(),
    maxTouchesPerWeek: z.number().int().min(0).max(14),
  }),
  continuity: z.enum(['same-agent', 'any-agent']),
  hierarchy: z.enum(['low', 'moderate', 'high']),
  hierarchyCautions: z.array(z.enum(['never-bypass-contact', 'match-seniority', 'senior-title-on-card', 'results-to-show-upward'])).max(4),
  procedure: z.object({
    strictness: z.enum(['strict', 'standard', 'flexible']),
    writtenRecapAfterCall: z.boolean(),
    followManualAndContract: z.boolean(),
    formalAcceptanceTest: z.boolean(),
  }),
  appearance: z.object({ level: z.enum(['formal', 'neat', 'practical']), tidyWorkspace: z.boolean() }),
  workweek: z.array(weekday).min(1).max(7).refine((d) => new Set(d).size === d.length, { message: 'duplicate weekday' }),
  contactHours: z.object({
    timeZone: z.string().min(1).max(64).refine(isTimeZone, { message: 'unknown IANA time zone' }),
    days: z.array(weekday).min(1).max(7),
    slots: z.array(timeSlotSchema).min(1).max(3),
    avoidPublicHolidays: z.boolean(),
  }),
};

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface PolicyOverride {
  value: unknown;
  reason: string;
  /** Display name of the admin who set it. */
  by?: string;
  at?: string;
}

export type PolicyOverrides = Partial<Record<PolicyFieldName, PolicyOverride>>;

/** True when `field` is a policy field name (guards path parameters). */
export function isPolicyField(field: string): field is PolicyFieldName {
  return (POLICY_FIELDS as readonly string[]).includes(field);
}

/**
 * Validates an override before it is stored: the value against the field's schema and a
 * non-empty reason. Returns problem-style `{path, message}` errors for a 400 answer.
 */
export function validateOverride(
  field: PolicyFieldName,
  input: { value: unknown; reason: unknown },
): { ok: true; value: unknown; reason: string } | { ok: false; errors: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = [];
  const parsed = POLICY_VALUE_SCHEMAS[field].safeParse(input.value);
  if (!parsed.success) {
    for (const i of parsed.error.issues) errors.push({ path: ['value', ...i.path.map(String)].join('.'), message: i.message });
  }
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (reason.length < 3) errors.push({ path: 'reason', message: 'Say why this override is needed (at least 3 characters).' });
  if (reason.length > 500) errors.push({ path: 'reason', message: 'Keep the reason under 500 characters.' });
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, value: parsed.data, reason };
}
