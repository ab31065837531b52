/**
 * The safety net of an erasure: after every source has erased what it knows, any remaining
 * mention of the person (their name in another case's note, their address in a webhook payload
 * or a job's payload, an old audit entry) is found in every text, text[] and JSON column of every
 * table and replaced. It reads the catalogue, not our schema files, so a table added later is
 * covered without anyone remembering to. Columns ending in `_base64` hold binary and are left to
 * their sources (attachments, raw mail), which decode them.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx, type Tx } from '../db/index.js';
import { identifierPattern } from './identifiers.js';
import type { Identifiers } from './sources.js';

export const REDACTED = '[erased]';

interface Column {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
}

/** The columns that can hold text, in the current schema. */
export async function textColumns(tx: DbOrTx): Promise<Column[]> {
  return queryRows<Column>(
    tx,
    sql`select c.table_name, c.column_name, c.data_type, c.udt_name
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
           and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
         order by c.table_name, c.column_name`,
  );
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Replaces every mention in every text column; returns rows changed per "table.column" (only those > 0). */
export async function redactMentions(tx: Tx, ids: Identifiers): Promise<Record<string, number>> {
  const pattern = identifierPattern(ids);
  if (!pattern) return {};
  const changed: Record<string, number> = {};
  for (const col of await textColumns(tx)) {
    if (col.column_name.endsWith('_base64')) continue;
    const t = sql.raw(quoteIdent(col.table_name));
    const c = sql.raw(quoteIdent(col.column_name));
    const replaced = (value: ReturnType<typeof sql>) => sql`regexp_replace(${value}, ${pattern}, ${REDACTED}, 'gi')`;
    let update;
    if (col.data_type === 'ARRAY') {
      update = sql`update ${t} set ${c} = (select array_agg(${replaced(sql`x`)} order by i) from unnest(${c}) with ordinality u(x, i))
                    where array_to_string(${c}, ' ') ~* ${pattern} returning 1`;
    } else if (col.data_type === 'json' || col.data_type === 'jsonb') {
      const cast = sql.raw(col.data_type);
      update = sql`update ${t} set ${c} = ${replaced(sql`${c}::text`)}::${cast} where ${c}::text ~* ${pattern} returning 1`;
    } else {
      update = sql`update ${t} set ${c} = ${replaced(c)} where ${c} ~* ${pattern} returning 1`;
    }
    const [row] = await queryRows<{ n: number }>(tx, sql`with changed as (${update}) select count(*)::int as n from changed`);
    if (row && row.n > 0) changed[`${col.table_name}.${col.column_name}`] = row.n;
  }
  return changed;
}

/** Counts rows still mentioning the person, per "table.column": what the erasure test expects to be empty. */
export async function findMentions(tx: DbOrTx, ids: Identifiers): Promise<Record<string, number>> {
  const pattern = identifierPattern(ids);
  if (!pattern) return {};
  const found: Record<string, number> = {};
  for (const col of await textColumns(tx)) {
    const t = sql.raw(quoteIdent(col.table_name));
    const c = sql.raw(quoteIdent(col.column_name));
    let value;
    if (col.column_name.endsWith('_base64')) value = sql`encode(decode(${c}, 'base64'), 'escape')`; // bytes as text: ASCII as is, the rest as \nnn, so addresses and numbers match
    else if (col.data_type === 'ARRAY') value = sql`array_to_string(${c}, ' ')`;
    else value = sql`${c}::text`;
    const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${t} where ${value} ~* ${pattern}`);
    if (row && row.n > 0) found[`${col.table_name}.${col.column_name}`] = row.n;
  }
  return found;
}
