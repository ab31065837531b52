/**
 * The durable job queue (src/jobs/queue.ts) under the promises docs/DEVELOPING.md makes:
 * at-least-once, never on two live runners at once, a dead runner's job taken over after its
 * lease, dead letters after N attempts, and exactly one effect per job when nothing dies.
 * "Two runners" are two JobRunner instances; on PostgreSQL each has its own connection pool, as
 * two nodes would, and the killed runner is a separate process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database, type Db } from '../../src/db/client.js';
import { enqueue, enqueueMany, JobRunner } from '../../src/jobs/queue.js';
import { purgeFinishedJobs } from '../../src/jobs/store.js';
import { makeUser } from '../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet = { error: () => {}, warn: () => {} };
const childScript = fileURLToPath(new URL('../support/job-runner-child.ts', import.meta.url));

async function jobsOf(db: Db, type: string) {
  return queryRows<{ id: string; state: string; attempts: number; last_error: string | null; payload: any }>(
    db,
    sql`select id, state, attempts, last_error, payload from jobs where type = ${type} order by id`,
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 25) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

describe.each(databaseKinds)('durable jobs on %s', (kind) => {
  let r: TestRapport;
  /** A second node: its own connection pool on PostgreSQL; PGlite is one process, so the same database. */
  let other: Database | null = null;
  let db: Db;
  let otherDb: Db;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    db = r.ctx.db;
    other = kind === 'postgres' ? await openDatabase({ databaseUrl: r.ctx.config.databaseUrl, poolSize: 4 }) : null;
    otherDb = other?.db ?? db;
  });
  afterAll(async () => {
    await other?.close();
    await r?.stop();
  });

  it('two runners never run a live job twice, even when it runs longer than its lease', async () => {
    // Each job takes 2.5 leases: without heartbeats the other runner would take it over mid-run.
    const leaseSeconds = 1;
    const jobMs = 2500;
    const runs = new Map<number, number>();
    let overlapping = 0;
    const live = new Set<number>();
    const handler = async (payload: { n: number }) => {
      if (live.has(payload.n)) overlapping++;
      live.add(payload.n);
      runs.set(payload.n, (runs.get(payload.n) ?? 0) + 1);
      await sleep(jobMs);
      live.delete(payload.n);
    };
    const a = new JobRunner(db, { leaseSeconds, heartbeatSeconds: 0.25, concurrency: 2, log: quiet });
    const b = new JobRunner(otherDb, { leaseSeconds, heartbeatSeconds: 0.25, concurrency: 2, log: quiet });
    a.register('test.slow', handler);
    b.register('test.slow', handler);
    for (let n = 0; n < 4; n++) await enqueue(db, 'test.slow', { n });
    const started = Date.now();
    a.start(50);
    b.start(50);
    await waitFor(async () => (await jobsOf(db, 'test.slow')).every((j) => j.state === 'done'), 20_000, 'the slow jobs');
    await Promise.all([a.stop(), b.stop()]);
    const rows = await jobsOf(db, 'test.slow');
    const totalRuns = [...runs.values()].reduce((s, x) => s + x, 0);
    console.log(`[jobs ${kind}] two runners, 4 jobs of ${jobMs} ms under a ${leaseSeconds} s lease: runs=${totalRuns}, overlapping runs=${overlapping}, attempts=${rows.map((j) => j.attempts).join(',')}, ${Date.now() - started} ms`);
    expect(totalRuns).toBe(4);
    expect([...runs.values()]).toEqual([1, 1, 1, 1]);
    expect(overlapping).toBe(0);
    expect(rows.map((j) => j.attempts)).toEqual([1, 1, 1, 1]);
  });

  // A second runner in another process needs a shared server: PGlite is one process's database.
  const onServer = kind === 'postgres' ? it : () => undefined;

  onServer("a killed runner's job runs again on another runner after its lease", async () => {
    const leaseSeconds = 2;
    await enqueue(db, 'test.hang', { order: 'A-1' }, { maxAttempts: 3 });
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, r.ctx.config.databaseUrl!, String(leaseSeconds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const jobId = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /started (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`runner process exited (${code}) before claiming the job`)));
    });
    const [claimed] = await jobsOf(db, 'test.hang');
    expect(claimed).toMatchObject({ id: jobId, state: 'running', attempts: 1 });

    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();

    const attemptsSeen: number[] = [];
    const b = new JobRunner(otherDb, { leaseSeconds, log: quiet });
    b.register('test.hang', async (_payload, { attempt }) => {
      attemptsSeen.push(attempt);
    });
    // The dead runner's lease is still live: nobody may take the job yet.
    expect(await b.runDue()).toBe(0);
    await waitFor(async () => (await b.runDue()) === 1, 10_000, 'the job to be taken over');
    const tookOverMs = Date.now() - killedAt;
    const [after] = await jobsOf(db, 'test.hang');
    console.log(`[jobs ${kind}] killed runner: job taken over ${tookOverMs} ms after SIGKILL (lease ${leaseSeconds} s), attempts=${after.attempts}, state=${after.state}`);
    expect(attemptsSeen).toEqual([2]);
    expect(after).toMatchObject({ id: jobId, state: 'done', attempts: 2 });
    expect(after.last_error).toMatch(/lease expired during attempt 1/);
    expect(tookOverMs).toBeLessThan(leaseSeconds * 1000 + 1500);
  });

  it('a job that always fails ends failed after N attempts; an admin sees it and retries it; the purge keeps it', async () => {
    const maxAttempts = 3;
    let broken = true;
    const attempts: number[] = [];
    const runner = new JobRunner(db, { retryDelaySeconds: () => 0, log: quiet });
    runner.register('test.fail', async (_payload, { attempt }) => {
      attempts.push(attempt);
      if (broken) throw new Error(`provider down (attempt ${attempt})`);
    });
    await enqueue(db, 'test.fail', { to: 'x' }, { maxAttempts });
    // Back-off is 0 here, so every attempt is due at once; more runs find nothing left to do.
    expect(await runner.runDue(50)).toBe(maxAttempts);
    expect(await runner.runDue(50)).toBe(0);
    const [dead] = await jobsOf(db, 'test.fail');
    console.log(`[jobs ${kind}] always failing: ran ${attempts.length} times for maxAttempts=${maxAttempts}, state=${dead.state}`);
    expect(attempts).toEqual([1, 2, 3]);
    expect(dead).toMatchObject({ state: 'failed', attempts: maxAttempts, last_error: 'provider down (attempt 3)' });

    // Old finished rows go; the dead letter stays, however old.
    await db.execute(sql`update jobs set done_at = now() - interval '30 days' where id = ${dead.id}`);
    await enqueue(db, 'test.old', {});
    await db.execute(sql`update jobs set state = 'done', done_at = now() - interval '30 days' where type = 'test.old'`);
    expect(await purgeFinishedJobs(db, 14)).toBeGreaterThanOrEqual(1);
    expect(await jobsOf(db, 'test.old')).toEqual([]);
    expect((await jobsOf(db, 'test.fail'))[0].state).toBe('failed');

    // The admin's list of dead letters, and a retry (audited). Agents may do neither.
    const admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const agent = r.as(await r.login((await makeUser(db, 'agent', { email: `agent-${kind}@jobs.example` })).email));
    expect((await agent('GET', '/api/v1/admin/jobs?state=failed')).status).toBe(403);
    expect((await agent('POST', `/api/v1/admin/jobs/${dead.id}/retry`)).status).toBe(403);
    const list = await admin('GET', '/api/v1/admin/jobs?state=failed&limit=1');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: dead.id, type: 'test.fail', state: 'failed', attempts: 3, lastError: 'provider down (attempt 3)' })]);
    const retried = await admin('POST', `/api/v1/admin/jobs/${dead.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'pending', attempts: 0 });
    expect((await admin('POST', `/api/v1/admin/jobs/${dead.id}/retry`)).status).toBe(409);
    const [audit] = await queryRows<{ action: string; changes: any }>(db, sql`select action, changes from audit_log where entity = 'job' and entity_id = ${dead.id}`);
    expect(audit).toMatchObject({ action: 'retry', changes: { state: { from: 'failed', to: 'pending' } } });
    broken = false;
    expect(await runner.runDue(50)).toBe(1);
    expect((await jobsOf(db, 'test.fail'))[0]).toMatchObject({ state: 'done', attempts: 1 });
    expect((await admin('GET', '/api/v1/admin/jobs?state=failed')).body.items.map((j: any) => j.id)).not.toContain(dead.id);
  });

  // 10,000 jobs between two runners is a PostgreSQL workload (several nodes); PGlite has one connection.
  onServer("10,000 jobs drained by two runners apply every job's effect exactly once", async () => {
    const total = 10_000;
    await db.execute(sql`create table job_effects (n int not null, runner text not null)`);
    let t = Date.now();
    await db.transaction(async (tx) => enqueueMany(tx, Array.from({ length: total }, (_, n) => ({ type: 'test.effect', payload: { n } }))));
    const enqueueMs = Date.now() - t;
    // The effect is deliberately not idempotent (a plain insert), so a second run would show.
    const effect = (runner: string) => async (payload: { n: number }, ctx: { db: Db }) => {
      await ctx.db.execute(sql`insert into job_effects (n, runner) values (${payload.n}, ${runner})`);
    };
    const a = new JobRunner(db, { concurrency: 4, log: quiet });
    const b = new JobRunner(otherDb, { concurrency: 4, log: quiet });
    a.register('test.effect', effect('a'));
    b.register('test.effect', effect('b'));
    t = Date.now();
    a.start(20);
    b.start(20);
    await waitFor(async () => {
      const [{ left }] = await queryRows<{ left: number }>(db, sql`select count(*)::int as left from jobs where state in ('pending', 'running') and type = 'test.effect'`);
      return left === 0;
    }, 110_000, 'the 10,000 jobs to drain', 250);
    await Promise.all([a.stop(), b.stop()]);
    const drainMs = Date.now() - t;
    const [counts] = await queryRows<{ effects: number; distinct_jobs: number; by_a: number; by_b: number; not_done: number; extra_attempts: number }>(db, sql`
      select (select count(*)::int from job_effects) as effects,
             (select count(distinct n)::int from job_effects) as distinct_jobs,
             (select count(*)::int from job_effects where runner = 'a') as by_a,
             (select count(*)::int from job_effects where runner = 'b') as by_b,
             (select count(*)::int from jobs where type = 'test.effect' and state <> 'done') as not_done,
             (select coalesce(sum(attempts - 1), 0)::int from jobs where type = 'test.effect') as extra_attempts`);
    const duplicates = counts.effects - counts.distinct_jobs;
    console.log(`[jobs ${kind}] ${total} jobs: enqueued in ${enqueueMs} ms (one transaction, enqueueMany), drained by two runners in ${drainMs} ms; effects applied=${counts.effects}, distinct=${counts.distinct_jobs}, duplicates=${duplicates}, runner a=${counts.by_a}, runner b=${counts.by_b}, not done=${counts.not_done}, extra attempts=${counts.extra_attempts}`);
    expect(counts.effects).toBe(total);
    expect(counts.distinct_jobs).toBe(total);
    expect(duplicates).toBe(0);
    expect(counts.not_done).toBe(0);
    expect(counts.extra_attempts).toBe(0);
    expect(counts.by_a).toBeGreaterThan(0);
    expect(counts.by_b).toBeGreaterThan(0);
  }, 120_000); // measured 40–55 s on a shared 2-core machine at load ~9; the limit leaves room
});
