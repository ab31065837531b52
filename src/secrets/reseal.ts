import { eq, isNotNull } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/index.js';
import type { SecretBox } from './box.js';

/**
 * Seals every value of a secret column that is not sealed with the current key: plain values
 * stored before sealing existed, and values sealed with a key being rotated out. Run at start
 * by the capability owning the column; returns how many it re-sealed and how many it could not open.
 */
export async function resealColumn(db: DbOrTx, box: SecretBox, table: PgTable, id: PgColumn, column: PgColumn): Promise<{ resealed: number; unreadable: number }> {
  const rows = (await db.select({ id, value: column }).from(table).where(isNotNull(column))) as { id: string; value: string }[];
  const property = keyOf(table, column);
  const result = { resealed: 0, unreadable: 0 };
  for (const row of rows) {
    if (box.isCurrent(row.value)) continue;
    let plain: string;
    try {
      plain = box.open(row.value);
    } catch {
      // Sealed with a key no longer listed: left as it is (its use reports the missing key), not a reason to refuse to start.
      result.unreadable++;
      continue;
    }
    await db.update(table).set({ [property]: box.seal(plain) }).where(eq(id, row.id));
    result.resealed++;
  }
  return result;
}

/** The property name drizzle uses for a column of a table (its TypeScript key, not the SQL name). */
function keyOf(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(table as unknown as Record<string, unknown>).find(([, v]) => v === column);
  if (!entry) throw new Error(`column ${column.name} is not on this table`);
  return entry[0];
}
