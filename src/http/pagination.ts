import { z } from 'zod';
import { problem } from '../errors/index.js';

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);
export const paginationQuery = { limit: limitSchema, cursor: z.string().max(500).optional() };

/** A page of a list, as every list endpoint answers it. */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Cursors are opaque to clients: the sort key of the last row, base64url-encoded. Keyset
 * pagination keeps page 1000 as fast as page 1 (no OFFSET, no COUNT).
 */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity) return values;
  } catch {
    // fall through to the error below
  }
  throw problem(400, 'The cursor is not valid; start again without one.', { errors: [{ path: 'querystring.cursor', message: 'invalid cursor' }] });
}

/** Splits a fetched `limit + 1` rows into the page and the cursor of the next one. */
export function toPage<R>(rows: R[], limit: number, keyOf: (row: R) => unknown[]): { items: R[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

export const iso = (d: Date | string | null | undefined): string | null => (d == null ? null : new Date(d).toISOString());
