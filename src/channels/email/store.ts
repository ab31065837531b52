/**
 * Mailboxes: the addresses Rapport answers for (the SMTP receiver accepts mail only for these
 * and for the teams' own addresses), the team each one routes to, and the IMAP account to poll
 * when mail is fetched rather than delivered.
 */
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/index.js';
import { newId } from '../../db/index.js';
import { emailMailboxes } from '../schema.js';
import { getTeam, listTeams } from '../../users/index.js';

export type MailboxRow = typeof emailMailboxes.$inferSelect;
export type MailboxInput = Partial<Omit<typeof emailMailboxes.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>> & { address?: string };

export async function listMailboxes(db: DbOrTx, limit = 200, after?: [string, string]): Promise<MailboxRow[]> {
  const where = after
    ? or(gt(emailMailboxes.createdAt, new Date(after[0])), and(eq(emailMailboxes.createdAt, new Date(after[0])), gt(emailMailboxes.id, after[1])))
    : undefined;
  return db.select().from(emailMailboxes).where(where).orderBy(asc(emailMailboxes.createdAt), asc(emailMailboxes.id)).limit(limit + 1);
}

export async function getMailbox(db: DbOrTx, id: string): Promise<MailboxRow | null> {
  const [row] = await db.select().from(emailMailboxes).where(eq(emailMailboxes.id, id));
  return row ?? null;
}

export async function mailboxByAddress(db: DbOrTx, address: string): Promise<MailboxRow | null> {
  const [row] = await db.select().from(emailMailboxes).where(eq(emailMailboxes.address, address.trim().toLowerCase()));
  return row ?? null;
}

export async function createMailbox(db: DbOrTx, input: MailboxInput & { address: string }): Promise<MailboxRow> {
  const [row] = await db
    .insert(emailMailboxes)
    .values({ ...input, id: newId(), address: input.address.trim().toLowerCase() })
    .returning();
  forgetOurAddresses();
  return row;
}

export async function updateMailbox(db: DbOrTx, id: string, patch: MailboxInput): Promise<MailboxRow | null> {
  const [row] = await db
    .update(emailMailboxes)
    .set({ ...patch, ...(patch.address ? { address: patch.address.trim().toLowerCase() } : {}), updatedAt: new Date() })
    .where(eq(emailMailboxes.id, id))
    .returning();
  forgetOurAddresses();
  return row ?? null;
}

export async function deleteMailbox(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.delete(emailMailboxes).where(eq(emailMailboxes.id, id)).returning({ id: emailMailboxes.id });
  forgetOurAddresses();
  return rows.length > 0;
}

/** Mailboxes with IMAP polling switched on. */
export async function pollableMailboxes(db: DbOrTx): Promise<MailboxRow[]> {
  return db
    .select()
    .from(emailMailboxes)
    .where(and(eq(emailMailboxes.active, true), eq(emailMailboxes.imapEnabled, true)))
    .orderBy(asc(emailMailboxes.createdAt));
}

export async function recordPoll(db: DbOrTx, id: string, error: string | null): Promise<void> {
  await db.update(emailMailboxes).set({ lastPolledAt: new Date(), lastPollError: error }).where(eq(emailMailboxes.id, id));
}

export interface OurAddress {
  address: string;
  name: string | null;
  teamId: string | null;
  mailboxId: string | null;
}

/**
 * Every address that is ours — active mailboxes and the teams' addresses — lower-cased. Used to
 * accept SMTP recipients, to route inbound mail to a team, and to keep our own addresses out
 * of the Cc of a reply (and out of the contact list: mail from ourselves is a loop).
 */
export async function ourAddresses(db: DbOrTx): Promise<OurAddress[]> {
  const cached = addressCache.get(db);
  if (cached && cached.until > Date.now() && cached.generation === generation) return cached.value;
  const value = await loadOurAddresses(db);
  addressCache.set(db, { value, until: Date.now() + ADDRESS_CACHE_MS, generation });
  return value;
}

/**
 * Every inbound email asks for our addresses; they change when an admin edits a mailbox or a
 * team. A few seconds of caching per database handle takes two queries off every message; edits
 * made through this process clear it at once, other nodes see them within the TTL.
 */
const ADDRESS_CACHE_MS = 5_000;
const addressCache = new WeakMap<object, { value: OurAddress[]; until: number; generation: number }>();
let generation = 0;

/** Forgets the cached addresses (after a mailbox change). */
export function forgetOurAddresses(): void {
  generation++;
}

async function loadOurAddresses(db: DbOrTx): Promise<OurAddress[]> {
  const boxes = await db.select().from(emailMailboxes).where(eq(emailMailboxes.active, true));
  const out = new Map<string, OurAddress>();
  for (const b of boxes) out.set(b.address, { address: b.address, name: b.name, teamId: b.teamId, mailboxId: b.id });
  for (const { team } of await listTeams(db)) {
    const address = team.email?.trim().toLowerCase();
    if (address && !out.has(address)) out.set(address, { address, name: team.name, teamId: team.id, mailboxId: null });
  }
  return [...out.values()];
}

/** Whether the SMTP receiver should take mail for this address. */
export async function isOurAddress(db: DbOrTx, address: string): Promise<boolean> {
  const a = address.trim().toLowerCase();
  if (await mailboxByAddress(db, a)) return true;
  return (await ourAddresses(db)).some((o) => o.address === a);
}

/**
 * The sender for a reply on a ticket: the mailbox of the ticket's team, else the team's own
 * address, else the mailbox the ticket's mail came in through, else the installation default
 * (RAPPORT_MAIL_FROM), else the first mailbox.
 */
export async function senderFor(
  db: DbOrTx,
  teamId: string | null,
  receivedVia: string | null,
  fallback: string | undefined,
): Promise<{ address: string; name: string } | null> {
  if (teamId) {
    const [box] = await db
      .select()
      .from(emailMailboxes)
      .where(and(eq(emailMailboxes.teamId, teamId), eq(emailMailboxes.active, true)))
      .orderBy(asc(emailMailboxes.createdAt))
      .limit(1);
    const team = (await getTeam(db, teamId))?.team;
    if (box) return { address: box.address, name: box.name ?? team?.name ?? '' };
    if (team?.email) return { address: team.email.toLowerCase(), name: team.name };
  }
  if (receivedVia) {
    const box = await mailboxByAddress(db, receivedVia);
    if (box) return { address: box.address, name: box.name ?? '' };
  }
  if (fallback) return { address: fallback.toLowerCase(), name: '' };
  // A ticket with no team and no mail history (opened by an agent): the installation's first mailbox.
  const [first] = await db.select().from(emailMailboxes).where(eq(emailMailboxes.active, true)).orderBy(asc(emailMailboxes.createdAt)).limit(1);
  return first ? { address: first.address, name: first.name ?? '' } : null;
}

/** Count of mailboxes (the admin page's summary). */
export async function mailboxCount(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(emailMailboxes);
  return Number(row?.n ?? 0);
}
