/**
 * Looking after the job queue: the admin's view of failed jobs with retry, and the recurring
 * retention purge of finished jobs. Its setting, RAPPORT_JOB_RETENTION_DAYS, is read here
 * through its own schema (validated at start). The queue itself is the kernel's `src/jobs/`.
 */
import { z } from 'zod';
import type { Capability } from '../http/index.js';
import { purgeFinishedJobs, registerRecurring } from '../jobs/index.js';
import jobRoutes from './routes.js';

export const JOB_PURGE_JOB = 'jobs.purge';
const PURGE_EVERY_SECONDS = 3600;

const schema = z.object({ RAPPORT_JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14) });

/** Days a done or cancelled job is kept before the purge deletes it. */
export function jobRetentionDays(env: Record<string, string | undefined>): number {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`RAPPORT_JOB_RETENTION_DAYS: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data.RAPPORT_JOB_RETENTION_DAYS;
}

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
