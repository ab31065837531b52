/** Transfers with hand-off summaries, and follow-the-sun: urgent work handed round the world. */
import type { Capability } from '../http/index.js';
import { registerRecurring } from '../jobs/index.js';
import { FOLLOW_THE_SUN_EVERY_SECONDS, FOLLOW_THE_SUN_JOB, runFollowTheSun } from './follow-the-sun-job.js';
import handoffRoutes from './routes.js';

export const handoffsCapability: Capability = {
  name: 'handoffs',
  routes: handoffRoutes,
  async start(ctx) {
    await registerRecurring(ctx.jobs, ctx.db, FOLLOW_THE_SUN_JOB, FOLLOW_THE_SUN_EVERY_SECONDS, async () => {
      await runFollowTheSun(ctx);
    });
  },
};
