/** Who may see teams and who forms them. */
import { allow, managers, staff, type ResourceRules } from './rule.js';

export const team = {
  list: allow(staff),
  read: allow(staff),
  create: allow(managers),
  update: allow(managers),
} satisfies ResourceRules;
