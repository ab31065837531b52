/** Follow-up promises made to a customer: the desk makes and cancels them, every staff member sees them. */
import { allow, desk, staff, type ResourceRules } from './rule.js';

export const promise = {
  read: allow(staff),
  create: allow(desk),
  cancel: allow(desk),
} satisfies ResourceRules;
