/** The patience capability: promise bookkeeping on every reply, and promise jobs. */
import type { Capability } from '../http/index.js';
import { ticketHooks } from '../tickets/index.js';
import { personalDataSources } from '../privacy/index.js';
import { patienceDataSource } from './personal-data.js';
import { onTicketMessage } from './hooks.js';
import { PROMISE_DUE_JOB, PROMISE_REMIND_JOB, runPromiseJob } from './promise-jobs.js';
import patienceRoutes from './routes.js';

export const patienceCapability: Capability = {
  name: 'patience',
  routes: patienceRoutes,
  register(ctx) {
    ctx.registry.add(ticketHooks, 'patience', onTicketMessage);
    ctx.registry.add(personalDataSources, 'patience', patienceDataSource);
    ctx.jobs.register(PROMISE_REMIND_JOB, async (payload: { promiseId: string }, { db }) => runPromiseJob(db, ctx.realtime, 'remind', payload.promiseId));
    ctx.jobs.register(PROMISE_DUE_JOB, async (payload: { promiseId: string }, { db }) => runPromiseJob(db, ctx.realtime, 'due', payload.promiseId));
  },
};
