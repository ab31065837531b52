/**
 * Every HTTP endpoint of the channels, listed as the channels capability's routes. Each
 * group is its own plugin, so the webhooks' raw-body parsers stay with the webhooks.
 */
import type { App } from '../http/index.js';
import channelAdminRoutes from './admin/routes.js';
import chatRoutes from './chat/routes.js';
import conversationRoutes from './conversation/routes.js';
import originalRoutes from './email/original-routes.js';
import callRoutes from './phone/routes.js';
import webhookRoutes from './webhooks/routes.js';

export default async function channelRoutes(app: App) {
  await app.register(webhookRoutes);
  await app.register(callRoutes);
  await app.register(chatRoutes);
  await app.register(conversationRoutes);
  await app.register(originalRoutes);
  await app.register(channelAdminRoutes);
}
