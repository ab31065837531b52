/**
 * Data protection (GDPR): export and erase a contact, retention of closed cases and raw
 * failures, and the processing log. It knows no other capability: each one that stores
 * personal data registers a source on `personalDataSources`.
 */
import { z } from 'zod';
import type { Capability } from '../http/index.js';
import { registerRecurring } from '../jobs/index.js';
import { ERASE_ATTEMPTS, ERASE_JOB, eraseContact, failErasure } from './commands.js';
import { RETENTION_EVERY_SECONDS, RETENTION_JOB, runRetention } from './retention.js';
import privacyRoutes from './routes.js';

const erasePayload = z.object({ entryId: z.uuid(), contactId: z.uuid() });
const retentionPayload = z.object({ manual: z.boolean().optional(), actorUserId: z.uuid().optional(), actorLabel: z.string().max(300).optional() }).catch({});

export const privacyCapability: Capability = {
  name: 'privacy',
  routes: privacyRoutes,
  register(ctx) {
    ctx.jobs.register(ERASE_JOB, async (payload, { db, attempt }) => {
      const { entryId, contactId } = erasePayload.parse(payload);
      try {
        await eraseContact(db, ctx.registry, entryId, contactId);
      } catch (err) {
        if (attempt >= ERASE_ATTEMPTS) await failErasure(db, entryId, err instanceof Error ? err.message : String(err));
        throw err;
      }
    });
  },
  async start(ctx) {
    await registerRecurring(ctx.jobs, ctx.db, RETENTION_JOB, RETENTION_EVERY_SECONDS, async (payload, { db }) => {
      const { manual, actorUserId, actorLabel } = retentionPayload.parse(payload ?? {});
      await runRetention(db, ctx.registry, { actorUserId: actorUserId ?? null, actorLabel: actorLabel ?? null, logEmpty: !!manual });
    });
  },
};
