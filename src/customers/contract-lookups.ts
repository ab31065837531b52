/**
 * Contract and site lookups other capabilities need (the SLA asks which contract covers a ticket
 * and where its site is), so they never read the customers' tables themselves.
 */
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { contracts, sites } from './schema.js';

export type ContractFacts = Pick<typeof contracts.$inferSelect, 'id' | 'name' | 'slaTier' | 'coverage' | 'calendarId'>;
export type SiteFacts = Pick<typeof sites.$inferSelect, 'id' | 'country' | 'timeZone'>;

/**
 * The contract in force for an organisation on a date, preferring one that names the ticket's
 * asset, then its site, then any; among equals the newest start wins.
 */
export async function coveringContract(db: DbOrTx, ticket: { organisationId: string | null; siteId: string | null; assetId: string | null }, on: Date): Promise<ContractFacts | null> {
  if (!ticket.organisationId) return null;
  const day = on.toISOString().slice(0, 10);
  const rows = await db
    .select({ id: contracts.id, name: contracts.name, slaTier: contracts.slaTier, coverage: contracts.coverage, calendarId: contracts.calendarId, siteIds: contracts.siteIds, assetIds: contracts.assetIds, startsOn: contracts.startsOn })
    .from(contracts)
    .where(and(eq(contracts.organisationId, ticket.organisationId), lte(contracts.startsOn, day), or(isNull(contracts.endsOn), gte(contracts.endsOn, day))));
  const rank = (r: (typeof rows)[number]) => (ticket.assetId && r.assetIds.includes(ticket.assetId) ? 2 : ticket.siteId && r.siteIds.includes(ticket.siteId) ? 1 : 0);
  const best = rows.sort((a, b) => rank(b) - rank(a) || String(b.startsOn).localeCompare(String(a.startsOn)))[0];
  return best ? { id: best.id, name: best.name, slaTier: best.slaTier, coverage: best.coverage, calendarId: best.calendarId } : null;
}

/** A site's country and time zone, where coverage hours are counted. */
export async function siteFacts(db: DbOrTx, siteId: string | null): Promise<SiteFacts | null> {
  if (!siteId) return null;
  const [row] = await db.select({ id: sites.id, country: sites.country, timeZone: sites.timeZone }).from(sites).where(eq(sites.id, siteId));
  return row ?? null;
}

/** Whether any contract uses a calendar, so deleting it would leave the contract without hours. */
export async function calendarUsedByContracts(db: DbOrTx, calendarId: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(contracts).where(eq(contracts.calendarId, calendarId));
  return (row?.n ?? 0) > 0;
}
