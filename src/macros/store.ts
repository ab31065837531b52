/** Macro queries. Lists are keyset-paginated by (title, id) on the scope and owner indexes. */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { macros, type MacroRow } from './schema.js';

/** One macro by id, whoever owns it (the caller checks who may see it). */
export async function getMacro(db: DbOrTx, id: string): Promise<MacroRow | null> {
  const [row] = await db.select().from(macros).where(eq(macros.id, id));
  return row ?? null;
}

/**
 * The macros a user sees — shared ones and their own personal ones — ordered by title, matching
 * `q` in the title or any variant's text, `limit + 1` rows after `after`.
 */
export async function listVisibleMacros(
  db: DbOrTx,
  userId: string,
  options: { q?: string; limit: number; after?: [string, string]; scope?: 'personal' | 'shared' },
): Promise<MacroRow[]> {
  const like = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select()
    .from(macros)
    .where(
      and(
        sql`(${macros.scope} = 'shared' or ${macros.ownerUserId} = ${userId})`,
        options.scope ? eq(macros.scope, options.scope) : undefined,
        like ? sql`(${macros.title} ilike ${like} or ${macros.variants}::text ilike ${like})` : undefined,
        options.after ? sql`(${macros.title}, ${macros.id}) > (${options.after[0]}, ${options.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(macros.title, macros.id)
    .limit(options.limit + 1);
}
