/** The hand-off summary drafted from a case record, for the agent to edit before transferring. */
import { DateTime } from 'luxon';
import type { Db, DbOrTx } from '../db/index.js';
import { contactNames, organisationNames } from '../customers/index.js';
import { listMessages, type TicketRow } from '../tickets/index.js';
import { teamNames, userNames } from '../users/index.js';
import { gatherCaseFacts, scorePatience } from '../patience/index.js';
import { draftHandoffSummary, handoffFacts, type HandoffContext, type HandoffFacts, type TimelineEntry } from './handoff-summary.js';

export interface TransferTarget {
  assigneeId?: string | null;
  teamId?: string | null;
}

export async function ownerLabel(db: DbOrTx, assigneeId: string | null | undefined, teamId: string | null | undefined): Promise<string | null> {
  const user = assigneeId ? (await userNames(db, [assigneeId])).get(assigneeId) : undefined;
  const team = teamId ? (await teamNames(db, [teamId])).get(teamId) : undefined;
  return [user, team].filter(Boolean).join(', ') || null;
}

/**
 * Drafts a hand-off summary from the ticket's record for the agent to edit: the English text and
 * the facts it is built from (which the web app words in the reader's language). `timeZone` is
 * the reader's, so the times in the English draft read right for the person writing it.
 */
export async function draftTransferSummary(db: Db, ticket: TicketRow, target: TransferTarget, timeZone = 'UTC', now = new Date()): Promise<{ summary: string; facts: HandoffFacts }> {
  const messages = await listMessages(db, ticket.id, 5000);
  const authors = await userNames(db, messages.map((m) => m.authorUserId!).filter(Boolean));
  const contacts = await contactNames(db, [ticket.contactId!].filter(Boolean));
  const orgs = await organisationNames(db, [ticket.organisationId!].filter(Boolean));
  const timeline: TimelineEntry[] = messages
    .filter((m) => m.kind !== 'event')
    .map((m) => ({
      at: m.createdAt, kind: m.kind, direction: m.direction, channel: m.channel, text: m.bodyText,
      // The real person; null rather than a made-up "Agent" when the record names nobody.
      authorName: (m.authorUserId && authors.get(m.authorUserId)) || m.authorName || null,
    }));
  const { facts, promises } = await gatherCaseFacts(db, ticket, now);
  const patience = scorePatience(facts);
  const context: HandoffContext = {
    subject: ticket.subject,
    customerName: ticket.contactId ? contacts.get(ticket.contactId) ?? null : null,
    organisationName: ticket.organisationId ? orgs.get(ticket.organisationId) ?? null : null,
    fromOwner: await ownerLabel(db, ticket.assigneeId, ticket.teamId),
    toOwner: await ownerLabel(db, target.assigneeId, target.teamId),
    timeline,
    openPromises: promises.filter((p) => p.status.state === 'open' || p.status.state === 'due_soon').map((p) => ({ dueAt: p.row.dueAt, channel: p.row.channel })),
    patienceScore: patience.score,
    patienceReasons: patience.reasons.map((r) => r.code),
    formatInstant: (d) => DateTime.fromJSDate(d, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm ZZZZ'),
  };
  return { summary: draftHandoffSummary(context), facts: handoffFacts(context) };
}

