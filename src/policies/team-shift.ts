/** Teams' shifts in the follow-the-sun rotation: managers plan them. */
import { allow, managers, staff, type ResourceRules } from './rule.js';

export const teamShift = {
  read: allow(staff),
  update: allow(managers),
} satisfies ResourceRules;
