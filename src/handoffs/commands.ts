/**
 * Transfers with a hand-off summary. A case never changes hands silently: the next owner gets
 * the story (so the customer is not asked to tell it again), the customer sees who has it now,
 * and the move is kept for ping-pong detection.
 */
import { problem } from '../errors/index.js';
import { notifyUsers, ticketRecipients } from '../notifications/index.js';
import { emitWebhookEvent } from '../notifications/index.js';
import { addMessage, inOneTransaction, updateTicket, type CommandContext } from '../tickets/index.js';
import { getTicket, type TicketRow } from '../tickets/index.js';
import { getTeam, getUser } from '../users/index.js';
import { recordHandoff } from '../patience/index.js';
import { ownerLabel, type TransferTarget } from './draft.js';

export type { TransferTarget } from './draft.js';

export const MIN_SUMMARY_LENGTH = 20;

/** Who transfers, on which app: the same context as any ticket command. */
export type TransferContext = CommandContext;

/**
 * The team a case goes to with a person when the transfer names none: the case's own team if the
 * person belongs to it or to no team, else the person's first team.
 */
export function personsTeam(currentTeamId: string | null, personTeamIds: readonly string[]): string | null {
  if (personTeamIds.length === 0 || (currentTeamId && personTeamIds.includes(currentTeamId))) return currentTeamId;
  return personTeamIds[0]!;
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
  let teamId = target.teamId;
  if (target.assigneeId) {
    const user = await getUser(ctx.db, target.assigneeId);
    if (!user || !user.user.active || user.user.role === 'customer') throw problem(400, 'The new assignee must be an active staff user.', { errors: [{ path: 'body.assigneeId', message: 'unknown user' }] });
    // A transfer to a person that names no team keeps the case in a team queue: its own team
    // when the person is in it (or in no team at all), otherwise the person's first team — so
    // the case never drops out of "My team" for everyone.
    if (teamId === undefined) teamId = personsTeam(before.teamId, user.teamIds);
  }
  if (teamId && !(await getTeam(ctx.db, teamId))) throw problem(400, 'The team does not exist.', { errors: [{ path: 'body.teamId', message: 'unknown team' }] });
  const patch = { ...(target.assigneeId !== undefined ? { assigneeId: target.assigneeId } : {}), ...(teamId !== undefined ? { teamId } : {}) };
  if (Object.entries(patch).every(([k, v]) => before[k as keyof typeof patch] === v)) throw problem(409, 'The case is already with that owner.');

  // One instant for the move and its hand-off record, so the history can tell planned moves apart.
  const at = new Date();
  // The move, its hand-off record, the notifications and both timeline entries commit together:
  // a case never shows a new owner without the briefing that goes with it.
  return inOneTransaction(ctx, async (tx, command) => {
    const after = await updateTicket(command, ticketId, patch, { summary: text, at });
    const toName = await ownerLabel(tx, after.assigneeId, after.teamId);
    await recordHandoff(tx, { ticketId, kind, fromUserId: before.assigneeId, fromTeamId: before.teamId, toUserId: after.assigneeId, toTeamId: after.teamId, summary: text, createdByUserId: ctx.actorUserId, createdAt: at });
    const recipients = (await ticketRecipients(tx, after, false)).filter((id) => id !== ctx.actorUserId);
    const data = { ticketId, number: after.number, subject: after.subject, kind, fromUserId: before.assigneeId, fromTeamId: before.teamId, toUserId: after.assigneeId, toTeamId: after.teamId, summary: text };
    await notifyUsers(tx, ctx.realtime, recipients, { kind: 'handoff', ticketId, data });
    await emitWebhookEvent(tx, 'ticket.handoff', data);
    // The summary is for the next agent (it may quote internal notes); the customer sees who has the case now.
    await addMessage(command, ticketId, { kind: 'note', direction: 'internal', channel: 'internal', author: { userId: ctx.actorUserId, name: ctx.actorLabel }, bodyText: text, metadata: { event: 'handoff_summary', kind } });
    await addMessage(command, ticketId, {
      kind: 'event', direction: 'internal', channel: 'system', author: { userId: ctx.actorUserId, name: ctx.actorLabel },
      bodyText: `The case is now with ${toName ?? 'a new owner'}, who has its full history.`,
      metadata: { event: 'handoff', kind, toUserId: after.assigneeId, toTeamId: after.teamId, toName },
    });
    return after;
  });
}
