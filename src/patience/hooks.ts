/**
 * Keeps promises in step with the conversation: a public reply to the customer keeps every
 * promise still open on the ticket and cancels its pending reminder and deadline jobs.
 */
import { cancelJob } from '../jobs/index.js';
import type { Tx } from '../db/index.js';
import type { TicketChange } from '../tickets/index.js';
import { PROMISE_DUE_JOB, PROMISE_REMIND_JOB } from './promise-jobs.js';
import { markPromise, openPromises } from './promise-store.js';

/** Marks open promises kept when an agent's public update reaches the customer before they fall due. */
export async function onTicketMessage(tx: Tx, change: TicketChange): Promise<void> {
  if (change.type !== 'message') return;
  const m = change.message;
  if (m.kind !== 'message' || m.direction !== 'outbound') return;
  for (const p of await openPromises(tx, change.ticket.id)) {
    if (m.createdAt < p.createdAt || m.createdAt > p.dueAt) continue;
    if (await markPromise(tx, p.id, 'keptAt', m.createdAt)) {
      await cancelJob(tx, `${PROMISE_REMIND_JOB}:${p.id}`);
      await cancelJob(tx, `${PROMISE_DUE_JOB}:${p.id}`);
    }
  }
}
