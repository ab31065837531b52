import type { App } from '../http/context.js';
import calendarRoutes from '../calendars/routes.js';
import notificationRoutes from '../notifications/routes.js';
import policyRoutes from './policy-routes.js';
import ticketSlaRoutes from './ticket-sla-routes.js';
import '../policies/sla.js';

/** Calendars, SLA policies and team shifts, tickets' SLA, notifications and outgoing webhooks. */
export default async function slaRoutes(app: App) {
  await app.register(calendarRoutes);
  await app.register(policyRoutes);
  await app.register(ticketSlaRoutes);
  await app.register(notificationRoutes);
}
