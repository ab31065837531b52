/**
 * Text as PostgreSQL will store it. PostgreSQL refuses U+0000 in `text` and in `jsonb` (error
 * 22P05/22021), and `jsonb` also refuses a lone UTF-16 surrogate (`"\ud800"`), which JSON and
 * JavaScript strings allow. One such character used to fail the whole insert, so an email, a
 * webhook or a portal post carrying it was answered 451/500 on every retry and lost. Input is
 * cleaned with these functions where it enters Rapport (parsed email, webhook and API bodies,
 * chat frames), and kept raw where the raw bytes matter (inbound failures, attachments).
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);

/**
 * The same text without U+0000 and with each lone surrogate replaced by U+FFFD (what a UTF-8
 * encoder writes for it anyway), so it fits a `text` column and a `jsonb` document alike.
 */
export function storableText(value: string): string {
  // The fast path: almost all text has neither, and this runs on every request body.
  if (!value.includes('\u0000') && !HAS_LONE_SURROGATE.test(value)) return value;
  return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/** `{}`, `Object.create(null)`, or an object whose prototype is itself bare (Fastify's parsed query). */
const isPlainObject = (v: object): v is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
};

/**
 * A deep copy with every string (keys too) made storable. Only arrays and plain objects are
 * walked: a Buffer (an attachment's bytes), a Date or any other instance is kept as it is.
 */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => storable(v)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[storableText(k)] = storable(v);
  return out as T;
}

/** Whether any string inside (keys too) holds U+0000: for identifiers and queries, refused rather than cleaned. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(containsNul);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
}
