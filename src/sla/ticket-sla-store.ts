/** Queries for a ticket's SLA: its status/ownership history and its stored SLA and clock summary. */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { ticketEvents, ticketSla } from './schema.js';
import type { StatusChange, TicketStatus } from './sla-clock.js';

export type TicketSlaRow = typeof ticketSla.$inferSelect;

/** Records that a ticket entered a status at an instant (the instant the change took effect, not when it was written). */
export async function recordStatusChange(db: DbOrTx, ticketId: string, at: Date, status: TicketStatus): Promise<void> {
  await db.insert(ticketEvents).values({ id: newId(), ticketId, at, kind: 'status', status });
}

/** Records a ticket's new owner (person and/or team) from an instant on. */
export async function recordAssignment(db: DbOrTx, ticketId: string, at: Date, assigneeId: string | null, teamId: string | null): Promise<void> {
  await db.insert(ticketEvents).values({ id: newId(), ticketId, at, kind: 'assignment', assigneeId, teamId });
}

/** The owner of a case from an instant on (either part may be empty). */
export interface AssignmentChange {
  at: Date;
  assigneeId: string | null;
  teamId: string | null;
  /** A planned move (follow-the-sun at the end of a team's day), not someone passing the case on. */
  planned?: boolean;
}

/** A ticket's status and ownership history, oldest first. */
export async function ticketHistory(db: DbOrTx, ticketId: string): Promise<{ statuses: StatusChange[]; assignments: AssignmentChange[] }> {
  const rows = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
  return {
    statuses: rows.filter((r) => r.kind === 'status').map((r) => ({ at: r.at, status: r.status as TicketStatus })),
    assignments: rows.filter((r) => r.kind === 'assignment').map((r) => ({ at: r.at, assigneeId: r.assigneeId, teamId: r.teamId })),
  };
}

/** A ticket's applied SLA and clock summary, or null before it was first computed. */
export async function getTicketSla(db: DbOrTx, ticketId: string): Promise<TicketSlaRow | null> {
  const [row] = await db.select().from(ticketSla).where(eq(ticketSla.ticketId, ticketId));
  return row ?? null;
}

/** Stored SLA summaries of several tickets at once (the queue asks for a page at a time). */
export async function getTicketSlas(db: DbOrTx, ticketIds: string[]): Promise<TicketSlaRow[]> {
  if (ticketIds.length === 0) return [];
  return db.select().from(ticketSla).where(inArray(ticketSla.ticketId, ticketIds));
}

/** Inserts or replaces a ticket's SLA row. */
export async function saveTicketSla(db: DbOrTx, row: typeof ticketSla.$inferInsert): Promise<void> {
  const { ticketId, ...rest } = row;
  await db.insert(ticketSla).values(row).onConflictDoUpdate({ target: ticketSla.ticketId, set: rest });
}
