/** How long finished jobs are kept: the setting RAPPORT_JOB_RETENTION_DAYS, read through its own schema. */
import { z } from 'zod';

export const JOB_PURGE_JOB = 'jobs.purge';

const schema = z.object({ RAPPORT_JOB_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14) });

/** Days a done or cancelled job is kept before the purge deletes it. */
export function jobRetentionDays(env: Record<string, string | undefined>): number {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`RAPPORT_JOB_RETENTION_DAYS: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return parsed.data.RAPPORT_JOB_RETENTION_DAYS;
}
