/**
 * The public surface of `sla`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
export { listTeamShifts } from './team-shift-store.js';
export { getTicketSla, ticketHistory, type AssignmentChange } from './ticket-sla-store.js';
export { ticketSlaClocks } from './ticket-sla.js';
