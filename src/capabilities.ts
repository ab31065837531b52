import type { Capability } from './http/index.js';
import { calendarUsages } from './calendars/index.js';
import { calendarUsedByContracts } from './customers/index.js';
import { calendarsCapability } from './calendars/capability.js';
import { channelsCapability } from './channels/capability.js';
import { cultureCapability } from './culture/capability.js';
import { customersCapability } from './customers/capability.js';
import { handoffsCapability } from './handoffs/capability.js';
import { notificationsCapability } from './notifications/capability.js';
import { patienceCapability } from './patience/capability.js';
import { slaCapability } from './sla/capability.js';
import { ticketsCapability } from './tickets/capability.js';
import { usersCapability } from './users/capability.js';
import { jobsAdminCapability } from './jobs-admin/capability.js';
import { privacyCapability } from './privacy/capability.js';
import { macrosCapability } from './macros/capability.js';

/**
 * Registrations between two capabilities that would otherwise import each other in a circle
 * (customers → calendars → culture → customers). The root knows both, so it joins them.
 */
const crossWiring: Capability = {
  name: 'wiring',
  register(ctx) {
    // A contract's SLA counts business time on its calendar: it must move first.
    ctx.registry.add(calendarUsages, 'customers.contracts', {
      blocks: async (db, calendarId) => ((await calendarUsedByContracts(db, calendarId)) ? 'A contract uses this calendar; give the contract another calendar first.' : null),
    });
  },
};

/**
 * Every capability of Rapport, one line each. The order is the order of ticket hooks and of
 * start-up: a capability comes after the ones whose data it needs.
 */
export const capabilities: readonly Capability[] = [
  usersCapability,
  customersCapability,
  ticketsCapability,
  calendarsCapability,
  notificationsCapability,
  cultureCapability,
  slaCapability,
  patienceCapability,
  handoffsCapability,
  channelsCapability,
  jobsAdminCapability,
  privacyCapability,
  macrosCapability,
  crossWiring,
];
