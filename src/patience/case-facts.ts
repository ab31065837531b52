/**
 * The facts of a case that patience is scored from, read from the record both sides share:
 * contacts, age, reopenings, transfers and ping-pong, broken promises, SLA breaches, and how
 * long the customer has been waiting for an answer.
 */
import type { DbOrTx } from '../db/index.js';
import { getContact, getOrganisation } from '../customers/index.js';
import { getTicketSla, ticketHistory } from '../sla/index.js';
import { listMessages, type MessageRow, type TicketRow } from '../tickets/index.js';
import { expectedContacts, type ExpectedContacts } from './expected-contacts.js';
import { promiseStatus, type CustomerUpdate, type PromiseStatus } from './follow-up-promises.js';
import type { PatienceFacts } from './patience-score.js';
import { analyseAssignments, type AssignmentAnalysis } from './ping-pong.js';
import { listHandoffs } from './handoff-store.js';
import { listPromises, type PromiseRow } from './promise-store.js';

const OPEN = new Set(['new', 'open', 'pending', 'on_hold']);

export interface CaseFacts {
  facts: PatienceFacts;
  expected: ExpectedContacts;
  assignments: AssignmentAnalysis;
  contactsByChannel: Record<string, number>;
  promises: { row: PromiseRow; status: PromiseStatus }[];
}

/** Public updates the customer received: outbound messages (calls logged as messages included). */
export function customerUpdates(messages: readonly MessageRow[]): CustomerUpdate[] {
  return messages.filter((m) => m.kind === 'message' && m.direction === 'outbound').map((m) => ({ at: m.createdAt, channel: m.channel }));
}

/** A ticket's promises with their state at `now`, judged against the updates the customer received (`messages` without notes). */
export async function promisesWithStatus(db: DbOrTx, ticketId: string, messages: readonly MessageRow[], now: Date): Promise<{ row: PromiseRow; status: PromiseStatus }[]> {
  const updates = customerUpdates(messages);
  return (await listPromises(db, ticketId)).map((row) => ({ row, status: promiseStatus(row, updates, now) }));
}

/** The customer's oldest message still without a public answer after it, if any. */
export function waitingSince(messages: readonly MessageRow[]): Date | null {
  let since: Date | null = null;
  for (const m of messages) {
    if (m.kind !== 'message') continue;
    if (m.direction === 'inbound') since ??= m.createdAt;
    else if (m.direction === 'outbound') since = null;
  }
  return since;
}

/** Times a case came back from solved or closed to an open status. */
export function countReopenings(statuses: readonly { status: string }[]): number {
  let n = 0;
  for (let i = 1; i < statuses.length; i++) if (!OPEN.has(statuses[i - 1]!.status) && OPEN.has(statuses[i]!.status)) n++;
  return n;
}

/** Reads everything patience needs about one ticket at `now`. */
export async function gatherCaseFacts(db: DbOrTx, ticket: TicketRow, now: Date): Promise<CaseFacts> {
  const messages = await listMessages(db, ticket.id, 5000, undefined, false);
  const inbound = messages.filter((m) => m.kind === 'message' && m.direction === 'inbound');
  const contactsByChannel: Record<string, number> = {};
  for (const m of inbound) contactsByChannel[m.channel] = (contactsByChannel[m.channel] ?? 0) + 1;
  const history = await ticketHistory(db, ticket.id);
  // Follow-the-sun moves are recorded with the same instant as their hand-off row.
  const planned = new Set((await listHandoffs(db, ticket.id)).filter((h) => h.kind === 'follow_the_sun').map((h) => h.createdAt.getTime()));
  const assignments = analyseAssignments(history.assignments.map((a) => ({ ...a, planned: planned.has(a.at.getTime()) })));
  const promises = await promisesWithStatus(db, ticket.id, messages, now);
  const sla = await getTicketSla(db, ticket.id);

  const contact = ticket.contactId ? await getContact(db, ticket.contactId) : null;
  const organisation = !contact?.country && ticket.organisationId ? await getOrganisation(db, ticket.organisationId) : null;
  const expected = await expectedContacts(db, { contactId: ticket.contactId, organisationId: ticket.organisationId, country: contact?.country ?? organisation?.country ?? null });

  const facts: PatienceFacts = {
    now,
    firstContactAt: inbound[0]?.createdAt ?? ticket.createdAt,
    // A case opened by an agent for a caller is still one contact.
    customerContacts: Math.max(1, inbound.length),
    expectedContacts: expected.value,
    reopenings: countReopenings(history.statuses),
    transfers: assignments.transfers,
    pingPongs: assignments.pingPongs.length,
    brokenPromises: promises.filter((p) => p.status.state === 'broken').length,
    slaBreaches: sla?.breaches ?? 0,
    waitingSince: OPEN.has(ticket.status) ? waitingSince(messages) : null,
  };
  return { facts, expected, assignments, contactsByChannel, promises };
}
