import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { jobs } from '../db/index.js';

export interface EnqueueOptions {
  runAt?: Date;
  /** Same key, one job: a second enqueue with the key is ignored (e.g. `sla-breach:<ticket>:<target>`). */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Schedules a durable job. In a transaction, the job exists only if the transaction commits. */
export async function enqueue(db: DbOrTx, type: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await db
    .insert(jobs)
    .values({
      id: newId(),
      type,
      payload: payload ?? {},
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey });
}

/** Cancels a pending job by its dedupe key (e.g. a reminder whose promise was kept). */
export async function cancelJob(db: DbOrTx, dedupeKey: string): Promise<void> {
  await db.execute(sql`update jobs set done_at = now(), last_error = 'cancelled' where dedupe_key = ${dedupeKey} and done_at is null`);
}

export type JobHandler = (payload: any, ctx: { db: Db; jobId: string; attempt: number }) => Promise<void>;

interface ClaimedJob {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/**
 * Claims up to `limit` due jobs. `FOR UPDATE SKIP LOCKED` plus a lease (`locked_until`) means
 * that with several nodes each job runs on one of them, and a node that dies mid-job releases
 * it when the lease runs out.
 */
export async function claimJobs(db: Db, limit: number, leaseSeconds = 60): Promise<ClaimedJob[]> {
  return queryRows<ClaimedJob>(db, sql`
    update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id in (
      select id from jobs
      where done_at is null and run_at <= now() and (locked_until is null or locked_until < now())
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, type, payload, attempts, max_attempts`);
}

async function finish(db: Db, id: string) {
  await db.execute(sql`update jobs set done_at = now(), locked_until = null where id = ${id}`);
}

async function fail(db: Db, job: ClaimedJob, error: string) {
  const giveUp = job.attempts >= job.max_attempts;
  // Exponential back-off: 30 s, 1 min, 2 min, … so a flaky provider is not hammered.
  const delay = 30 * 2 ** (job.attempts - 1);
  await db.execute(sql`
    update jobs set last_error = ${error.slice(0, 2000)}, locked_until = null,
      run_at = now() + make_interval(secs => ${delay}),
      done_at = case when ${giveUp} then now() else null end
    where id = ${job.id}`);
}

/** The registry of job handlers; capabilities register theirs at start-up. */
export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;

  constructor(private db: Db, private log: { error: (o: unknown, m?: string) => void } = console) {}

  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /** Runs every due job once; returns how many ran. Tests call it to make time pass deterministically. */
  async runDue(limit = 20): Promise<number> {
    const claimed = await claimJobs(this.db, limit);
    for (const job of claimed) {
      const handler = this.handlers.get(job.type);
      if (!handler) {
        await fail(this.db, { ...job, attempts: job.max_attempts }, `no handler for job type ${job.type}`);
        continue;
      }
      try {
        await handler(job.payload, { db: this.db, jobId: job.id, attempt: job.attempts });
        await finish(this.db, job.id);
      } catch (err) {
        this.log.error({ err, job: job.type }, 'job failed');
        await fail(this.db, job, err instanceof Error ? err.message : String(err));
      }
    }
    return claimed.length;
  }

  /** Polls for due jobs until stopped. */
  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      if (!this.running) {
        this.running = true;
        try {
          while ((await this.runDue()) > 0 && !this.stopped);
        } catch (err) {
          this.log.error({ err }, 'job poll failed');
        } finally {
          this.running = false;
        }
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}

/** Recurring work (IMAP polling, follow-the-sun hand-offs): re-enqueues itself after each run. */
export function registerRecurring(runner: JobRunner, db: Db, type: string, everySeconds: number, handler: JobHandler): Promise<void> {
  runner.register(type, async (payload, ctx) => {
    try {
      await handler(payload, ctx);
    } finally {
      await enqueue(db, type, {}, { runAt: new Date(Date.now() + everySeconds * 1000), dedupeKey: `${type}:${Math.floor(Date.now() / 1000 / everySeconds) + 1}` });
    }
  });
  return enqueue(db, type, {}, { dedupeKey: `${type}:${Math.floor(Date.now() / 1000 / everySeconds)}` });
}
