/**
 * Who may do what with business calendars, SLA policies, a ticket's SLA and patience, follow-up
 * promises, transfers, notifications and outgoing webhooks. Registered with `defineRules` so
 * every rule still lives under src/policies/.
 */
import { defineRules, hasRole, isStaff } from './index.js';

const desk = (a: Parameters<typeof isStaff>[0]) => hasRole(a, 'admin', 'manager', 'agent');

defineRules('calendar', {
  // Agents read calendars to understand due times; only admins change when the business is open.
  read: (a) => isStaff(a),
  compute: (a) => isStaff(a),
  update: (a) => hasRole(a, 'admin'),
});

defineRules('sla_policy', {
  read: (a) => isStaff(a),
  update: (a) => hasRole(a, 'admin'),
});

defineRules('team_shift', {
  read: (a) => isStaff(a),
  update: (a) => hasRole(a, 'admin', 'manager'),
});

defineRules('ticket_sla', {
  // SLA clocks and patience are internal measures; customers see the next update due instead.
  read: (a) => isStaff(a),
});

defineRules('promise', {
  read: (a) => isStaff(a),
  create: desk,
  cancel: desk,
});

defineRules('webhook', {
  read: (a) => hasRole(a, 'admin'),
  update: (a) => hasRole(a, 'admin'),
});
