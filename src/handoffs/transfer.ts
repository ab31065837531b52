/**
 * Transfers with a hand-off summary. A case never changes hands silently: the next owner gets
 * the story (so the customer is not asked to tell it again), the customer sees who has it now,
 * and the move is kept for ping-pong detection.
 */
import { DateTime } from 'luxon';
import type { Db } from '../db/index.js';
import { contactNames, organisationNames } from '../customers/index.js';
import { problem } from '../errors/index.js';
import { notifyUsers, ticketRecipients } from '../notifications/index.js';
import { emitWebhookEvent } from '../notifications/index.js';
import { addMessage, updateTicket, type CommandContext } from '../tickets/index.js';
import { getTicket, listMessages, type TicketRow } from '../tickets/index.js';
import { getTeam, getUser, teamNames, userNames } from '../users/index.js';
import { gatherCaseFacts } from '../patience/index.js';
import { draftHandoffSummary, type TimelineEntry } from './handoff-summary.js';
import { recordHandoff } from '../patience/index.js';
import { scorePatience } from '../patience/index.js';

export const MIN_SUMMARY_LENGTH = 20;

/** Who transfers, on which app: the same context as any ticket command. */
export type TransferContext = CommandContext;

export interface TransferTarget {
  assigneeId?: string | null;
  teamId?: string | null;
}

async function ownerLabel(db: Db, assigneeId: string | null | undefined, teamId: string | null | undefined): Promise<string | null> {
  const user = assigneeId ? (await userNames(db, [assigneeId])).get(assigneeId) : undefined;
  const team = teamId ? (await teamNames(db, [teamId])).get(teamId) : undefined;
  return [user, team].filter(Boolean).join(', ') || null;
}

/**
 * Drafts a hand-off summary from the ticket's record for the agent to edit. `timeZone` is the
 * reader's, so the times in the draft read right for the person writing it.
 */
export async function draftTransferSummary(db: Db, ticket: TicketRow, target: TransferTarget, timeZone = 'UTC', now = new Date()): Promise<string> {
  const messages = await listMessages(db, ticket.id, 5000);
  const authors = await userNames(db, messages.map((m) => m.authorUserId!).filter(Boolean));
  const contacts = await contactNames(db, [ticket.contactId!].filter(Boolean));
  const orgs = await organisationNames(db, [ticket.organisationId!].filter(Boolean));
  const timeline: TimelineEntry[] = messages
    .filter((m) => m.kind !== 'event')
    .map((m) => ({
      at: m.createdAt, kind: m.kind, direction: m.direction, channel: m.channel, text: m.bodyText,
      authorName: (m.authorUserId && authors.get(m.authorUserId)) || m.authorName || (m.direction === 'inbound' ? 'Customer' : 'Agent'),
    }));
  const { facts, promises } = await gatherCaseFacts(db, ticket, now);
  const patience = scorePatience(facts);
  return draftHandoffSummary({
    subject: ticket.subject,
    customerName: ticket.contactId ? contacts.get(ticket.contactId) ?? null : null,
    organisationName: ticket.organisationId ? orgs.get(ticket.organisationId) ?? null : null,
    fromOwner: await ownerLabel(db, ticket.assigneeId, ticket.teamId),
    toOwner: await ownerLabel(db, target.assigneeId, target.teamId),
    timeline,
    openPromises: promises.filter((p) => p.status.state === 'open' || p.status.state === 'due_soon').map((p) => ({ dueAt: p.row.dueAt, channel: p.row.channel })),
    patienceScore: patience.score,
    patienceReasons: patience.reasons.map((r) => r.code.replace(/_/g, ' ')),
    formatInstant: (d) => DateTime.fromJSDate(d, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm ZZZZ'),
  });
}

/**
 * Moves a ticket to another person and/or team with a summary. Refuses a transfer without a
 * real summary or to the owner it already has. Returns the updated ticket.
 */
export async function transferTicket(ctx: TransferContext, ticketId: string, target: TransferTarget, summary: string, kind: 'transfer' | 'follow_the_sun' = 'transfer'): Promise<TicketRow> {
  const text = summary.trim();
  if (text.length < MIN_SUMMARY_LENGTH)
    throw problem(400, `A transfer needs a hand-off summary of at least ${MIN_SUMMARY_LENGTH} characters, so the next owner does not ask the customer again.`, { errors: [{ path: 'body.summary', message: 'too short' }] });
  const before = await getTicket(ctx.db, ticketId);
  if (!before) throw problem(404, `Ticket ${ticketId} was not found.`);
  if (target.assigneeId === undefined && target.teamId === undefined) throw problem(400, 'Say who takes the case: an assignee, a team or both.');
  if (target.assigneeId) {
    const user = await getUser(ctx.db, target.assigneeId);
    if (!user || !user.user.active || user.user.role === 'customer') throw problem(400, 'The new assignee must be an active staff user.', { errors: [{ path: 'body.assigneeId', message: 'unknown user' }] });
  }
  if (target.teamId && !(await getTeam(ctx.db, target.teamId))) throw problem(400, 'The team does not exist.', { errors: [{ path: 'body.teamId', message: 'unknown team' }] });
  const patch = { ...(target.assigneeId !== undefined ? { assigneeId: target.assigneeId } : {}), ...(target.teamId !== undefined ? { teamId: target.teamId } : {}) };
  if (Object.entries(patch).every(([k, v]) => before[k as keyof typeof patch] === v)) throw problem(409, 'The case is already with that owner.');

  const command = ctx;
  // One instant for the move and its hand-off record, so the history can tell planned moves apart.
  const at = new Date();
  const after = await updateTicket(command, ticketId, patch, { summary: text, at });
  const toName = await ownerLabel(ctx.db, after.assigneeId, after.teamId);
  await ctx.db.transaction(async (tx) => {
    await recordHandoff(tx, { ticketId, kind, fromUserId: before.assigneeId, fromTeamId: before.teamId, toUserId: after.assigneeId, toTeamId: after.teamId, summary: text, createdByUserId: ctx.actorUserId, createdAt: at });
    const recipients = (await ticketRecipients(tx, after, false)).filter((id) => id !== ctx.actorUserId);
    const data = { ticketId, number: after.number, subject: after.subject, kind, fromUserId: before.assigneeId, fromTeamId: before.teamId, toUserId: after.assigneeId, toTeamId: after.teamId, summary: text };
    await notifyUsers(tx, ctx.realtime, recipients, { kind: 'handoff', ticketId, data });
    await emitWebhookEvent(tx, 'ticket.handoff', data);
  });
  // The summary is for the next agent (it may quote internal notes); the customer sees who has the case now.
  await addMessage(command, ticketId, { kind: 'note', direction: 'internal', channel: 'internal', author: { userId: ctx.actorUserId, name: ctx.actorLabel }, bodyText: text, metadata: { event: 'handoff_summary', kind } });
  await addMessage(command, ticketId, {
    kind: 'event', direction: 'internal', channel: 'system', author: { userId: ctx.actorUserId, name: ctx.actorLabel },
    bodyText: `The case is now with ${toName ?? 'a new owner'}, who has its full history.`,
    metadata: { event: 'handoff', kind, toUserId: after.assigneeId, toTeamId: after.teamId, toName },
  });
  return after;
}
