/** Tickets: the queue, the ticket page, the conversation, merge/split/link, bulk and the audit trail. */
import type { Capability } from '../http/index.js';
import { personalDataSources } from '../privacy/index.js';
import { ticketDataSource } from './personal-data.js';
import ticketRoutes from './routes.js';

export const ticketsCapability: Capability = {
  name: 'tickets',
  routes: ticketRoutes,
  register(ctx) {
    ctx.registry.add(personalDataSources, 'tickets', ticketDataSource);
  },
};
