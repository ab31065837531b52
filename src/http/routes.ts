import type { App } from './context.js';
import authRoutes from '../users/auth-routes.js';
import userRoutes from '../users/routes.js';
import customerRoutes from '../customers/routes.js';
import ticketRoutes from '../tickets/routes.js';
import realtimeRoutes from '../realtime/routes.js';
import cultureRoutes from '../culture/routes.js';
import slaRoutes from '../sla/routes.js';
import patienceRoutes from '../patience/routes.js';
import channelRoutes from '../channels/routes.js';
import jobRoutes from '../jobs/routes.js';

/** Every capability's routes, one line each. */
export async function registerRoutes(app: App): Promise<void> {
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(customerRoutes);
  await app.register(ticketRoutes);
  await app.register(realtimeRoutes);
  await app.register(cultureRoutes);
  await app.register(slaRoutes);
  await app.register(patienceRoutes);
  await app.register(channelRoutes);
  await app.register(jobRoutes);
}
