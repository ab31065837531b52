/** The job console's one change, retrying a failed job, with its audit entry in the same transaction. */
import { recordAudit } from '../audit/index.js';
import type { Db } from '../db/index.js';
import { notFound, problem } from '../errors/index.js';
import { getJob, retryFailedJob, type JobRow } from '../jobs/index.js';

export async function retryJob(ctx: { db: Db; actorUserId: string | null }, id: string): Promise<JobRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await getJob(tx, id);
    if (!before) throw notFound('Job', id);
    const after = await retryFailedJob(tx, before.id);
    if (!after) throw problem(409, `Job ${before.id} is ${before.state}, not failed; only a failed job can be retried.`, { state: before.state });
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId,
      entity: 'job',
      entityId: after.id,
      action: 'retry',
      changes: { state: { from: before.state, to: after.state }, attempts: { from: before.attempts, to: after.attempts }, lastError: { from: before.lastError, to: after.lastError } },
    });
    return after;
  });
}
