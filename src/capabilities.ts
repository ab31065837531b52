import type { Capability } from './http/index.js';
import { calendarsCapability } from './calendars/index.js';
import { channelsCapability } from './channels/index.js';
import { cultureCapability } from './culture/index.js';
import { customersCapability } from './customers/index.js';
import { handoffsCapability } from './handoffs/index.js';
import { notificationsCapability } from './notifications/index.js';
import { patienceCapability } from './patience/index.js';
import { slaCapability } from './sla/index.js';
import { ticketsCapability } from './tickets/index.js';
import { usersCapability } from './users/index.js';
import { jobsAdminCapability } from './jobs-admin/index.js';

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
];
