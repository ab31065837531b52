/**
 * Commands of follow-up promises. Each runs in one transaction: the promise, its jobs, the
 * audit entry on the ticket's trail and the timeline entry both sides read commit together.
 */
import { DateTime } from 'luxon';
import { recordAudit } from '../audit/index.js';
import { getContact } from '../customers/index.js';
import { notFound, problem } from '../errors/index.js';
import { addMessage, inOneTransaction, type CommandContext, type TicketRow } from '../tickets/index.js';
import { schedulePromiseJobs } from './promise-jobs.js';
import { createPromise, getPromise, markPromise, type PromiseRow } from './promise-store.js';

export interface PromiseInput {
  dueAt: Date;
  channel: string;
  note?: string;
}

/** Records "I will update you by …": the promise, its reminder and deadline jobs, and the timeline entry. */
export async function makePromise(ctx: CommandContext & { actorName: string }, ticket: TicketRow, input: PromiseInput): Promise<PromiseRow> {
  if (input.dueAt.getTime() <= Date.now()) throw problem(400, 'A promise must fall due in the future.', { errors: [{ path: 'body.dueAt', message: 'in the past' }] });
  return inOneTransaction(ctx, async (tx, command) => {
    const promise = await createPromise(tx, { ticketId: ticket.id, createdByUserId: ctx.actorUserId, dueAt: input.dueAt, channel: input.channel, note: input.note });
    await schedulePromiseJobs(tx, promise);
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'ticket', entityId: ticket.id, action: 'promise',
      changes: { promise: { from: null, to: { id: promise.id, dueAt: promise.dueAt.toISOString(), channel: promise.channel } } },
    });
    // The promise goes on the record both sides read, in the customer's local time.
    const zone = (ticket.contactId ? (await getContact(tx, ticket.contactId))?.timeZone : null) ?? 'UTC';
    const local = DateTime.fromJSDate(input.dueAt, { zone }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm');
    await addMessage(command, ticket.id, {
      kind: 'event', direction: 'internal', channel: 'system', author: { userId: ctx.actorUserId },
      bodyText: `${ctx.actorName} will update you by ${local} (${zone}) via ${promise.channel}.`,
      metadata: { event: 'promise', promiseId: promise.id, dueAt: input.dueAt.toISOString(), channel: promise.channel, by: ctx.actorName },
    });
    return promise;
  });
}

/** Withdraws an open promise (the customer asked to wait): it is neither kept nor broken. */
export async function cancelPromise(ctx: CommandContext, ticket: TicketRow, promiseId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const promise = await getPromise(tx, promiseId);
    if (!promise || promise.ticketId !== ticket.id) throw notFound('Promise', promiseId);
    if (promise.keptAt || promise.brokenAt) throw problem(409, 'This promise is already settled.');
    const at = new Date();
    if (!(await markPromise(tx, promise.id, 'cancelledAt', at))) return;
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'ticket', entityId: ticket.id, action: 'promise_cancel',
      changes: { [`promise:${promise.id}`]: { from: 'open', to: 'cancelled' } },
    });
  });
}
