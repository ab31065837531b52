/** Agent notifications and outgoing webhooks: their endpoints and the signed delivery job. */
import type { Capability } from '../http/index.js';
import { personalDataSources } from '../privacy/index.js';
import { notificationDataSource } from './personal-data.js';
import { resealColumn } from '../secrets/index.js';
import notificationRoutes from './routes.js';
import { outboundWebhooks } from './schema.js';
import { deliverWebhook, WEBHOOK_DELIVER_JOB } from './webhooks.js';
import { webhooksMayGoPrivate } from './settings.js';

export const notificationsCapability: Capability = {
  name: 'notifications',
  routes: notificationRoutes,
  async start(ctx) {
    // Signing keys stored in plain text before sealing existed, or under a key being rotated out.
    await resealColumn(ctx.db, ctx.secrets, outboundWebhooks, outboundWebhooks.id, outboundWebhooks.secret);
  },
  register(ctx) {
    const allowPrivate = webhooksMayGoPrivate(ctx.config.env);
    ctx.registry.add(personalDataSources, 'notifications', notificationDataSource);
    ctx.jobs.register(WEBHOOK_DELIVER_JOB, async (payload: { deliveryId: string }, { db }) => deliverWebhook(db, ctx.secrets, payload.deliveryId, { allowPrivate }));
  },
};
