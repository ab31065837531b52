/** A ticket's SLA clocks and patience: internal measures; customers see the next update due instead. */
import { allow, staff, type ResourceRules } from './rule.js';

export const ticketSla = {
  read: allow(staff),
} satisfies ResourceRules;
