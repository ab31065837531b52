/**
 * The case as the customer sees it: the same record the agent works from, minus internal notes and events —
 * what happened, what is being done, who owns it, and when the next update is due (seed 004:
 * transparency and a shared paper trail that tells both sides the same story).
 */
import type { DbOrTx } from '../db/index.js';
import { iso } from '../http/index.js';
import { ticketSlaClocks } from '../sla/index.js';
import { presentCustomerMessages } from '../tickets/index.js';
import { listMessages, type TicketRow } from '../tickets/index.js';
import { teamNames, userNames } from '../users/index.js';
import { promisesWithStatus } from './case-facts.js';

export interface CustomerTimeline {
  ticket: { id: string; number: number; subject: string; status: string; priority: string; createdAt: string; updatedAt: string };
  owner: { name: string | null; team: string | null };
  /** When the customer will hear from us next: the earliest open promise, else the SLA's due time. */
  nextUpdate: { dueAt: string; source: 'promise' | 'sla'; channel: string | null } | null;
  promises: { id: string; dueAt: string; channel: string; state: string; createdAt: string }[];
  entries: Awaited<ReturnType<typeof presentCustomerMessages>>;
}

/** Builds the customer's view of a ticket. Callers authorise first; nothing internal is included. */
export async function customerTimeline(db: DbOrTx, ticket: TicketRow, now = new Date()): Promise<CustomerTimeline> {
  const rows = await listMessages(db, ticket.id, 5000, undefined, false);
  // Only public messages and the events written for the customer, with the metadata the portal shows.
  const entries = await presentCustomerMessages(db, rows);
  const promises = await promisesWithStatus(db, ticket.id, rows, now);
  const owner = ticket.assigneeId ? (await userNames(db, [ticket.assigneeId])).get(ticket.assigneeId) ?? null : null;
  const team = ticket.teamId ? (await teamNames(db, [ticket.teamId])).get(ticket.teamId) ?? null : null;

  const pending = promises.filter((p) => p.status.state === 'open' || p.status.state === 'due_soon').sort((a, b) => a.row.dueAt.getTime() - b.row.dueAt.getTime())[0];
  let nextUpdate: CustomerTimeline['nextUpdate'] = pending ? { dueAt: pending.row.dueAt.toISOString(), source: 'promise', channel: pending.row.channel } : null;
  const open = ticket.status === 'new' || ticket.status === 'open' || ticket.status === 'on_hold';
  if (!nextUpdate && open) {
    // Only a response or update clock promises news; the resolution target is not "we will write by".
    const { clocks } = await ticketSlaClocks(db, ticket, { now });
    const due = clocks
      .filter((c) => (c.metric === 'first_response' || c.metric === 'next_update') && (c.state === 'ok' || c.state === 'warning') && c.dueAt)
      .map((c) => c.dueAt!)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    if (due) nextUpdate = { dueAt: due.toISOString(), source: 'sla', channel: null };
  }
  return {
    ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority, createdAt: iso(ticket.createdAt)!, updatedAt: iso(ticket.updatedAt)! },
    owner: { name: owner, team },
    nextUpdate,
    promises: promises
      .filter((p) => p.status.state !== 'cancelled')
      .map((p) => ({ id: p.row.id, dueAt: p.row.dueAt.toISOString(), channel: p.row.channel, state: p.status.state, createdAt: p.row.createdAt.toISOString() })),
    entries,
  };
}
