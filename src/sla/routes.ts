import type { App } from '../http/index.js';
import policyRoutes from './policy-routes.js';
import ticketSlaRoutes from './ticket-sla-routes.js';

/** SLA policies and team shifts, and each ticket's SLA. */
export default async function slaRoutes(app: App) {
  await app.register(policyRoutes);
  await app.register(ticketSlaRoutes);
}
