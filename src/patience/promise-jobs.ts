/**
 * Durable jobs of a follow-up promise: a reminder to the agent before it falls due and a check
 * at the deadline that flags it broken when no update reached the customer. Scheduled with
 * dedupe keys per promise, so each fires once however many nodes run.
 */
import type { Db, DbOrTx } from '../db/index.js';
import { enqueue } from '../jobs/index.js';
import type { RealtimeHub } from '../realtime/index.js';
import { notifyUsers, ticketRecipients } from '../notifications/index.js';
import { emitWebhookEvent } from '../notifications/index.js';
import { getTicket, listMessages } from '../tickets/index.js';
import { customerUpdates } from './case-facts.js';
import { promiseStatus } from './follow-up-promises.js';
import { getPromise, markPromise, type PromiseRow } from './promise-store.js';

export const PROMISE_REMIND_JOB = 'promise.remind';
export const PROMISE_DUE_JOB = 'promise.due';

/** Schedules a promise's reminder and deadline check (in the caller's transaction). */
export async function schedulePromiseJobs(db: DbOrTx, promise: PromiseRow): Promise<void> {
  const { remindAt } = promiseStatus(promise, [], promise.createdAt);
  await enqueue(db, PROMISE_REMIND_JOB, { promiseId: promise.id }, { runAt: remindAt, dedupeKey: `${PROMISE_REMIND_JOB}:${promise.id}` });
  await enqueue(db, PROMISE_DUE_JOB, { promiseId: promise.id }, { runAt: promise.dueAt, dedupeKey: `${PROMISE_DUE_JOB}:${promise.id}` });
}

/**
 * Runs a promise job: re-reads the promise and the conversation, then reminds (if still open) or
 * settles it as kept or broken. Safe to run twice: outcomes are set only once.
 */
export async function runPromiseJob(db: Db, realtime: RealtimeHub | undefined, job: 'remind' | 'due', promiseId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const promise = await getPromise(tx, promiseId);
    if (!promise || promise.keptAt || promise.brokenAt || promise.cancelledAt) return;
    const ticket = await getTicket(tx, promise.ticketId);
    if (!ticket) return;
    const updates = customerUpdates(await listMessages(tx, ticket.id, 5000, undefined, false));
    // The deadline job judges the promise as of its deadline at the latest, whatever the clocks of job runner and database say.
    const at = job === 'due' ? new Date(Math.max(now.getTime(), promise.dueAt.getTime() + 1)) : now;
    const status = promiseStatus(promise, updates, at);
    const data = { ticketId: ticket.id, number: ticket.number, subject: ticket.subject, promiseId, dueAt: promise.dueAt.toISOString(), channel: promise.channel };
    const recipients = [...new Set([...(promise.createdByUserId ? [promise.createdByUserId] : []), ...(await ticketRecipients(tx, ticket, status.state === 'broken'))])];
    if (status.state === 'kept') {
      await markPromise(tx, promiseId, 'keptAt', status.fulfilledAt!);
    } else if (status.state === 'broken') {
      if (await markPromise(tx, promiseId, 'brokenAt', now)) {
        await notifyUsers(tx, realtime, recipients, { kind: 'promise_broken', ticketId: ticket.id, data });
        await emitWebhookEvent(tx, 'promise.broken', data);
      }
    } else if (job === 'remind' && (await markPromise(tx, promiseId, 'remindedAt', now))) {
      await notifyUsers(tx, realtime, recipients, { kind: 'promise_reminder', ticketId: ticket.id, data });
      await emitWebhookEvent(tx, 'promise.reminder', data);
    }
  });
}
