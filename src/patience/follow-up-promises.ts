/**
 * Follow-up promises: "I will update you by Thursday 14:00, by phone". Seed 004 lists the missing
 * follow-up and the missing "when will they call me back" among the main burns; a promise the
 * customer can see, that reminds the agent before it is due and is flagged when broken, answers both.
 */

export interface FollowUpPromise {
  createdAt: Date;
  dueAt: Date;
  /** Channel promised (phone, email, whatsapp …); informative, any update to the customer keeps it. */
  channel: string;
  cancelledAt?: Date | null;
}

/** An update the customer received (a public outbound message or a logged call). */
export interface CustomerUpdate {
  at: Date;
  channel: string;
}

export type PromiseState = 'open' | 'due_soon' | 'kept' | 'broken' | 'cancelled';

/** Minutes before a promise falls due that the agent is reminded. */
export const REMINDER_LEAD_MINUTES = 30;

export interface PromiseStatus {
  state: PromiseState;
  /** The update that kept it, or the first one after a broken promise. */
  fulfilledAt: Date | null;
  /** Whether the update came on the promised channel. */
  onPromisedChannel: boolean | null;
  /** When the agent should be reminded. */
  remindAt: Date;
}

/**
 * Works out a promise's state at `now` from the updates the customer received since it was made.
 * Kept means an update reached the customer by the due time, on any channel (the customer cares
 * that they heard back; the channel match is reported separately). Broken stays broken even if
 * an update arrives later. The reminder falls `reminderLeadMinutes` before the due time.
 */
export function promiseStatus(promise: FollowUpPromise, updates: readonly CustomerUpdate[], now: Date, reminderLeadMinutes = REMINDER_LEAD_MINUTES): PromiseStatus {
  const created = promise.createdAt.getTime();
  const due = promise.dueAt.getTime();
  const remindAt = new Date(Math.max(created, due - reminderLeadMinutes * 60_000));
  const first = updates
    .filter((u) => u.at.getTime() > created && u.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  const fulfilledAt = first ? first.at : null;
  const onPromisedChannel = first ? first.channel === promise.channel : null;
  if (first && first.at.getTime() <= due) return { state: 'kept', fulfilledAt, onPromisedChannel, remindAt };
  if (promise.cancelledAt && promise.cancelledAt.getTime() <= Math.min(now.getTime(), due)) return { state: 'cancelled', fulfilledAt, onPromisedChannel, remindAt };
  if (now.getTime() > due) return { state: 'broken', fulfilledAt, onPromisedChannel, remindAt };
  return { state: now.getTime() >= remindAt.getTime() ? 'due_soon' : 'open', fulfilledAt, onPromisedChannel, remindAt };
}
