/**
 * The queue as an admin sees it: jobs by state (the failed ones are the dead letters), a retry
 * for a failed job, and the retention purge. The queue itself is in queue.ts.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/index.js';
import { jobs } from '../db/index.js';
import type { JobState } from './queue.js';

export type JobRow = typeof jobs.$inferSelect;

/**
 * Jobs in one state, newest first, keyset-paginated on the id (UUIDv7, so creation order) over
 * `jobs_state_idx`. Reads `limit + 1` rows so the caller can tell whether there is a next page.
 */
export async function listJobs(db: DbOrTx, state: JobState, limit: number, afterId?: string): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.state, state), afterId ? lt(jobs.id, afterId) : undefined))
    .orderBy(desc(jobs.id))
    .limit(limit + 1);
}

export async function getJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/**
 * Puts a failed job back in the queue with a fresh set of attempts, due now. Only a failed job:
 * a pending or running one is already on its way and a done or cancelled one is settled.
 * Returns the job as it now is, or undefined when it was not failed (a concurrent retry won).
 */
export async function retryFailedJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ state: 'pending', attempts: 0, runAt: sql`now()`, doneAt: null, claimToken: null, lockedUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.state, 'failed')))
    .returning();
  return row;
}

/**
 * Deletes done and cancelled jobs that left the queue more than `days` ago, in batches so a
 * large backlog never holds one long transaction (PGlite is one connection). Failed jobs stay
 * until an admin retries them (or they are cancelled), so a dead letter is never lost silently.
 * Purging frees the rows' dedupe keys. Returns how many rows went.
 */
export async function purgeFinishedJobs(db: DbOrTx, days: number, batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }] = await queryRows<{ n: number }>(db, sql`
      with gone as (
        delete from jobs where id in (
          select id from jobs
          where state in ('done', 'cancelled') and done_at < now() - make_interval(days => ${days})
          limit ${batchSize}
        )
        returning 1
      )
      select count(*)::int as n from gone`);
    total += n;
    if (n < batchSize) return total;
  }
}
