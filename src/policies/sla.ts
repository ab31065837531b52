/**
 * Who may do what with business calendars, SLA policies, a ticket's SLA and patience, follow-up
 * promises, transfers, notifications and outgoing webhooks. Part of the rule table in
 * `index.ts`.
 */
import { hasRole, isStaff } from './actor.js';
import type { ResourceRules } from './rule.js';

const desk = (a: Parameters<typeof isStaff>[0]) => hasRole(a, 'admin', 'manager', 'agent');

export const slaRules: Record<string, ResourceRules> = {
  calendar: {
    // Agents read calendars to understand due times; only admins change when the business is open.
    read: (a) => isStaff(a),
    compute: (a) => isStaff(a),
    update: (a) => hasRole(a, 'admin'),
  },
  sla_policy: {
    read: (a) => isStaff(a),
    update: (a) => hasRole(a, 'admin'),
  },
  team_shift: {
    read: (a) => isStaff(a),
    update: (a) => hasRole(a, 'admin', 'manager'),
  },
  ticket_sla: {
    // SLA clocks and patience are internal measures; customers see the next update due instead.
    read: (a) => isStaff(a),
  },
  promise: {
    read: (a) => isStaff(a),
    create: desk,
    cancel: desk,
  },
  webhook: {
    read: (a) => hasRole(a, 'admin'),
    update: (a) => hasRole(a, 'admin'),
  },
};
