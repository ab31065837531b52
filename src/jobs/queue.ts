/**
 * Durable background jobs in the `jobs` table, on PGlite and PostgreSQL alike.
 *
 * What is promised: **at least once**. A job runs once in the normal case and never on two live
 * runners at the same time, but it runs again when the runner that held it dies (or loses the
 * database for longer than the lease) before recording the outcome. Handlers must therefore be
 * idempotent (claim a unique key, check a `delivered_at`, use an external id). The lifecycle:
 *
 *   pending ──claim──▶ running ──finish──▶ done
 *      ▲                 │ └──fail, attempts left──▶ pending (back-off)
 *      │                 └────fail, no attempts left / lease lost on the last one──▶ failed
 *      └──── admin retry ◀──────────────────────────────────────────────────────────┘
 *   pending | running | failed ──cancelJob(key)──▶ cancelled
 *
 * Why it is built this way (and not on pg-boss 10): see docs/DEVELOPING.md, "Jobs".
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbOrTx } from '../db/index.js';
import { newId } from '../db/index.js';
import { jobs } from '../db/index.js';

export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
export const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'failed', 'cancelled'];

export interface EnqueueOptions {
  runAt?: Date;
  /**
   * Same key, one job: a second enqueue with the key is ignored while the first job's row exists
   * (e.g. `sla-breach:<ticket>:<target>`). Finished rows are purged after the retention period
   * (RAPPORT_JOB_RETENTION_DAYS), which frees their keys; failed rows keep theirs.
   */
  dedupeKey?: string;
  /** Attempts before the job is `failed` (default 5). */
  maxAttempts?: number;
}

/**
 * Schedules a durable job. Pass the caller's transaction and the job exists only if that
 * transaction commits (ticket hooks rely on this); it becomes visible to runners at commit.
 */
export async function enqueue(db: DbOrTx, type: string, payload: unknown, options: EnqueueOptions = {}): Promise<void> {
  await db
    .insert(jobs)
    .values({
      id: newId(),
      type,
      payload: payload ?? {},
      state: 'pending',
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey });
}

/**
 * Schedules many jobs in few statements (multi-row inserts of 1,000): a bulk send, or a test that
 * needs 10,000 jobs, without a round trip per job. Same rules as `enqueue`, transaction included.
 */
export async function enqueueMany(db: DbOrTx, items: { type: string; payload: unknown; options?: EnqueueOptions }[]): Promise<void> {
  for (let i = 0; i < items.length; i += 1000) {
    await db
      .insert(jobs)
      .values(
        items.slice(i, i + 1000).map(({ type, payload, options = {} }) => ({
          id: newId(),
          type,
          payload: payload ?? {},
          state: 'pending' as const,
          runAt: options.runAt ?? new Date(),
          maxAttempts: options.maxAttempts ?? 5,
          dedupeKey: options.dedupeKey ?? null,
        })),
      )
      .onConflictDoNothing({ target: jobs.dedupeKey });
  }
}

/**
 * Calls off a job by its dedupe key (e.g. a reminder whose promise was kept). A pending or failed
 * job never runs; a running one finishes its current attempt but its outcome is not recorded and
 * it is not retried. The row stays `cancelled` (not `failed`) so admins can tell them apart.
 */
export async function cancelJob(db: DbOrTx, dedupeKey: string): Promise<void> {
  await db.execute(sql`
    update jobs set state = 'cancelled', done_at = now(), claim_token = null, locked_until = null
    where dedupe_key = ${dedupeKey} and state in ('pending', 'running', 'failed')`);
}

export interface JobContext {
  db: Db;
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** Aborted when this runner lost the job's claim (its lease ran out): stop work if you can. */
  signal: AbortSignal;
}
// Each handler validates its own payload (it is JSON from the database), so any type is honest here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

interface ClaimedJob {
  id: string;
  type: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
  token: string;
}

export interface JobRunnerOptions {
  log?: { error: (o: unknown, m?: string) => void; warn?: (o: unknown, m?: string) => void };
  /** How long a claim lasts without a heartbeat (default 60 s): a dead runner's job waits this long. */
  leaseSeconds?: number;
  /** How often a running job's lease is renewed (default a third of the lease). */
  heartbeatSeconds?: number;
  /** Jobs one polling runner works on at once (default 4), so a slow webhook does not hold up the rest; `runDue` runs one after another. */
  concurrency?: number;
  /** Wait before attempt n+1 after attempt n failed (default 30 s · 2ⁿ⁻¹, at most an hour). */
  retryDelaySeconds?: (attempt: number) => number;
}

const defaultRetryDelay = (attempt: number) => Math.min(30 * 2 ** (attempt - 1), 3600);

/**
 * Runs jobs of the types registered on this node. Each job is claimed on its own, just before it
 * runs, with a lease the heartbeat renews while the handler works, so a slow job never loses its
 * claim to another node and a dead node's job is taken over after one lease. The claim token
 * makes a runner that lost its claim unable to finish or fail the job someone else now holds.
 * Jobs of types this node has no handler for are left alone for a node that has one (a rolling
 * deploy runs old and new nodes side by side).
 */
export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private active = 0;
  private polling = false;
  private stopped = false;
  private readonly leaseSeconds: number;
  private readonly heartbeatMs: number;
  private readonly concurrency: number;
  private readonly retryDelay: (attempt: number) => number;
  private readonly log: NonNullable<JobRunnerOptions['log']>;

  constructor(private db: Db, options: JobRunnerOptions = {}) {
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.heartbeatMs = (options.heartbeatSeconds ?? this.leaseSeconds / 3) * 1000;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.retryDelay = options.retryDelaySeconds ?? defaultRetryDelay;
    this.log = options.log ?? console;
  }

  /** Registers the handler for a job type; this node then runs (only) the types it knows. */
  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /** The job types this node runs. */
  types(): string[] {
    return [...this.handlers.keys()];
  }

  /**
   * Runs due jobs one after another, up to `limit`, and returns how many ran. Tests call it to
   * make time pass deterministically (the poller is off in tests). Jobs that become due while it
   * runs (a job enqueuing another for now) run in the same call.
   */
  async runDue(limit = 20): Promise<number> {
    if (this.handlers.size === 0) return 0;
    await recoverExpiredLeases(this.db);
    return this.work(limit, () => true);
  }

  /**
   * One worker: claims a job, runs it, records the outcome, claims the next — until none is due,
   * `limit` ran or `go()` says stop. Success and the next claim are one statement (one commit),
   * which is most of a busy queue's bookkeeping.
   */
  private async work(limit: number, go: () => boolean): Promise<number> {
    let ran = 0;
    let job = limit > 0 && go() ? (await claimNext(this.db, null, this.types(), this.leaseSeconds)).next : undefined;
    while (job) {
      this.active++;
      const { id, type } = job;
      try {
        const error = await this.execute(job);
        ran++;
        const more = ran < limit && go();
        let recorded: boolean;
        if (error === null) {
          const settled = await claimNext(this.db, job, more ? this.types() : [], this.leaseSeconds);
          recorded = settled.finished;
          job = settled.next;
        } else {
          recorded = await fail(this.db, job, error, this.retryDelay(job.attempts));
          job = more ? (await claimNext(this.db, null, this.types(), this.leaseSeconds)).next : undefined;
        }
        if (!recorded) this.log.warn?.({ job: type, id }, 'job outcome not recorded: its claim was lost (lease expired or cancelled)');
      } finally {
        this.active--;
      }
    }
    return ran;
  }

  /** Runs the handler while a heartbeat renews the lease; returns the error message, or null on success. */
  private async execute(job: ClaimedJob): Promise<string | null> {
    const handler = this.handlers.get(job.type)!;
    const lost = new AbortController();
    const heartbeat = setInterval(() => {
      renewLease(this.db, job, this.leaseSeconds).then(
        (held) => {
          if (!held && !lost.signal.aborted) {
            lost.abort();
            this.log.warn?.({ job: job.type, id: job.id }, 'job lost its claim while running (lease expired or cancelled)');
          }
        },
        (err) => this.log.error({ err, job: job.type }, 'job heartbeat failed'),
      );
    }, this.heartbeatMs);
    try {
      await handler(job.payload, { db: this.db, jobId: job.id, attempt: job.attempts, signal: lost.signal });
      return null;
    } catch (err) {
      this.log.error({ err, job: job.type }, 'job failed');
      return err instanceof Error ? err.message : String(err);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Polls for due jobs until stopped, working on up to `concurrency` jobs at once. */
  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      if (!this.polling) {
        this.polling = true;
        try {
          if (this.handlers.size > 0) {
            await recoverExpiredLeases(this.db);
            // allSettled: one worker's database error must not end the tick while the others still run.
            const results = await Promise.allSettled(Array.from({ length: this.concurrency }, () => this.work(Infinity, () => !this.stopped)));
            for (const r of results) if (r.status === 'rejected') this.log.error({ err: r.reason }, 'job worker failed');
          }
        } catch (err) {
          this.log.error({ err }, 'job poll failed');
        } finally {
          this.polling = false;
        }
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops polling and waits for the jobs in hand to finish (their heartbeats keep their leases). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.polling || this.active > 0) await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Records the success of `done` (when given, and only if this runner still holds its claim) and
 * claims the next due job of `types` (when any) in one statement. The claim is `FOR UPDATE SKIP
 * LOCKED`, so two runners never take the same row, with a fresh token that identifies this claim
 * and a lease the heartbeat renews.
 */
async function claimNext(db: Db, done: ClaimedJob | null, types: string[], leaseSeconds: number): Promise<{ finished: boolean; next: ClaimedJob | undefined }> {
  const token = randomUUID();
  const finish = done
    ? sql`update jobs set state = 'done', done_at = now(), claim_token = null, locked_until = null
          where id = ${done.id} and claim_token = ${done.token} and state = 'running' returning id`
    : sql`select null::uuid as id where false`;
  const rows = await queryRows<{ finished: number } & Partial<Omit<ClaimedJob, 'token'>>>(db, sql`
    with finished as (${finish}),
    next as (
      select id from jobs
      where state = 'pending' and run_at <= now() and type = any(${sql.param(types)}::text[])
      order by run_at
      limit 1
      for update skip locked
    ),
    claimed as (
      update jobs j set state = 'running', claim_token = ${token}, attempts = j.attempts + 1,
        locked_until = now() + make_interval(secs => ${leaseSeconds})
      from next
      where j.id = next.id
      returning j.id, j.type, j.payload, j.attempts, j.max_attempts
    )
    select (select count(*)::int from finished) as finished, c.id, c.type, c.payload, c.attempts, c.max_attempts
    from (select 1) one left join claimed c on true`);
  const row = rows[0];
  const next = row?.id ? ({ id: row.id, type: row.type!, payload: row.payload, attempts: row.attempts!, max_attempts: row.max_attempts!, token }) : undefined;
  return { finished: (row?.finished ?? 0) > 0, next };
}

/** Extends the lease of a job this runner still holds; false once the claim is gone. */
async function renewLease(db: Db, job: ClaimedJob, leaseSeconds: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`
    update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
    where id = ${job.id} and claim_token = ${job.token} and state = 'running'
    returning id`);
  return rows.length > 0;
}

/**
 * Puts running jobs whose lease ran out (their runner died or lost the database) back to pending,
 * or to failed when that was their last attempt — so a job that kills its runner every time
 * ends up in front of an admin instead of looping. Any node may do this, whatever the job type.
 */
export async function recoverExpiredLeases(db: Db): Promise<number> {
  const rows = await queryRows<{ id: string }>(db, sql`
    update jobs j set
      state = case when j.attempts >= j.max_attempts then 'failed' else 'pending' end,
      done_at = case when j.attempts >= j.max_attempts then now() else null end,
      last_error = 'lease expired during attempt ' || j.attempts || ': the runner stopped before recording an outcome',
      claim_token = null, locked_until = null
    from (
      select id from jobs where state = 'running' and locked_until < now()
      limit 500
      for update skip locked
    ) expired
    where j.id = expired.id
    returning j.id`);
  return rows.length;
}

/** Records a failed attempt (retry after `delaySeconds`, or `failed` after the last), only if this runner still holds the claim. */
async function fail(db: Db, job: ClaimedJob, error: string, delaySeconds: number): Promise<boolean> {
  const giveUp = job.attempts >= job.max_attempts;
  const rows = await queryRows<{ id: string }>(db, sql`
    update jobs set last_error = ${error.slice(0, 2000)}, claim_token = null, locked_until = null,
      state = ${giveUp ? 'failed' : 'pending'},
      done_at = ${giveUp ? sql`now()` : sql`null`},
      run_at = ${giveUp ? sql`run_at` : sql`now() + make_interval(secs => ${delaySeconds})`}
    where id = ${job.id} and claim_token = ${job.token} and state = 'running'
    returning id`);
  return rows.length > 0;
}

/**
 * Recurring work (IMAP polling, follow-the-sun hand-offs) on every node that registers it, run
 * once per period across nodes: each run enqueues the next under a dedupe key naming its period,
 * so however many nodes re-enqueue it, one job per period exists.
 */
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
