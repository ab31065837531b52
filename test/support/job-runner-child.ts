/**
 * A job runner in its own process, for the test that kills a runner mid-job: it claims one
 * `test.hang` job, says `started <jobId>` on stdout and never finishes, keeping its lease alive
 * with heartbeats until the test kills it with SIGKILL.
 * Usage: node --import tsx test/support/job-runner-child.ts <DATABASE_URL> <leaseSeconds>
 */
import { openDatabase } from '../../src/db/client.js';
import { JobRunner } from '../../src/jobs/queue.js';

const [url, lease] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
const runner = new JobRunner(database.db, { leaseSeconds: Number(lease) });
runner.register('test.hang', async (_payload, { jobId }) => {
  process.stdout.write(`started ${jobId}\n`);
  await new Promise(() => {});
});
await runner.runDue(1);
