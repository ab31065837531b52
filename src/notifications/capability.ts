/** Agent notifications and outgoing webhooks: their endpoints and the signed delivery job. */
import type { Capability } from '../http/index.js';
import notificationRoutes from './routes.js';
import { deliverWebhook, WEBHOOK_DELIVER_JOB } from './webhooks.js';

export const notificationsCapability: Capability = {
  name: 'notifications',
  routes: notificationRoutes,
  register(ctx) {
    ctx.jobs.register(WEBHOOK_DELIVER_JOB, async (payload: { deliveryId: string }, { db }) => deliverWebhook(db, payload.deliveryId));
  },
};
