/** The patience capability's start-up work: promise bookkeeping on every reply, and promise jobs. */
import type { Capability } from '../capabilities.js';
import { registerTicketHook } from '../tickets/hooks.js';
import { onTicketMessage } from './hooks.js';
import { PROMISE_DUE_JOB, PROMISE_REMIND_JOB, runPromiseJob } from './promise-jobs.js';
import '../policies/sla.js';

export const patienceCapability: Capability = {
  name: 'patience',
  async start(ctx) {
    registerTicketHook('patience', onTicketMessage);
    ctx.jobs.register(PROMISE_REMIND_JOB, async (payload: { promiseId: string }, { db }) => runPromiseJob(db, ctx.realtime, 'remind', payload.promiseId));
    ctx.jobs.register(PROMISE_DUE_JOB, async (payload: { promiseId: string }, { db }) => runPromiseJob(db, ctx.realtime, 'due', payload.promiseId));
  },
};
