/** The admin's view of the background job queue: jobs by state (failed = dead letters) and retry. */
import { z } from 'zod';
import { requireActor } from '../http/index.js';
import type { App } from '../http/index.js';
import { decodeCursor, iso, pageSchema, paginationQuery, toPage } from '../http/index.js';
import { problem } from '../errors/index.js';
import { idParams } from '../http/index.js';
import { authorize } from '../policies/index.js';
import { JOB_STATES, listJobs, type JobRow, type JobState } from '../jobs/index.js';
import { retryJob } from './commands.js';

const jobStateSchema = z.enum(JOB_STATES as [JobState, ...JobState[]]);

const jobSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    state: jobStateSchema,
    payload: z.unknown(),
    dedupeKey: z.string().nullable(),
    attempts: z.number(),
    maxAttempts: z.number(),
    lastError: z.string().nullable(),
    runAt: z.string(),
    doneAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Job' });

const present = (r: JobRow) => ({
  id: r.id,
  type: r.type,
  state: r.state,
  payload: r.payload,
  dedupeKey: r.dedupeKey,
  attempts: r.attempts,
  maxAttempts: r.maxAttempts,
  lastError: r.lastError,
  runAt: iso(r.runAt)!,
  doneAt: iso(r.doneAt),
  createdAt: iso(r.createdAt)!,
});

/** Registers GET /api/v1/admin/jobs and POST /api/v1/admin/jobs/:id/retry (admins only). */
export default async function jobRoutes(app: App) {
  const { db } = app.ctx;
  const tags = ['jobs'];

  app.get('/api/v1/admin/jobs', {
    schema: {
      tags, summary: 'Background jobs in one state, newest first (failed: the dead letters)',
      querystring: z.object({ ...paginationQuery, state: jobStateSchema.default('failed') }),
      response: { 200: pageSchema(jobSchema) },
    },
  }, async (request) => {
    authorize(requireActor(request), 'list', 'job');
    const { limit, cursor, state } = request.query;
    const after = decodeCursor(cursor, 1) as [string] | undefined;
    if (after && !z.uuid().safeParse(after[0]).success) throw problem(400, 'The cursor is not valid; start again without one.');
    const rows = await listJobs(db, state, limit, after?.[0]);
    const page = toPage(rows, limit, (r) => [r.id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/admin/jobs/:id/retry', {
    schema: { tags, summary: 'Run a failed job again, with a fresh set of attempts', params: idParams, response: { 200: jobSchema } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'retry', 'job');
    const job = await retryJob({ db, actorUserId: actor.userId }, request.params.id);
    return present(job);
  });
}
