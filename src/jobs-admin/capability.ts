/**
 * Looking after the job queue: the admin's view of failed jobs with retry, and the recurring
 * retention purge of finished jobs. Its setting, RAPPORT_JOB_RETENTION_DAYS, is read here
 * through its own schema (validated at start). The queue itself is the kernel's `src/jobs/`.
 */
import type { Capability } from '../http/index.js';
import { purgeFinishedJobs, registerRecurring } from '../jobs/index.js';
import { JOB_PURGE_JOB, jobRetentionDays } from './retention.js';
import jobRoutes from './routes.js';

const PURGE_EVERY_SECONDS = 3600;

export const jobsAdminCapability: Capability = {
  name: 'jobs-admin',
  routes: jobRoutes,
  async start(ctx) {
    const days = jobRetentionDays(ctx.config.env);
    await registerRecurring(ctx.jobs, ctx.db, JOB_PURGE_JOB, PURGE_EVERY_SECONDS, async (_payload, { db }) => {
      await purgeFinishedJobs(db, days);
    });
  },
};
