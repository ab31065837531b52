/** Who may see the desk's users and who manages them. */
import { admins, allow, staff, type ResourceRules } from './rule.js';

export const user = {
  list: allow(staff),
  read: allow(staff),
  create: allow(admins),
  update: allow(admins),
} satisfies ResourceRules;
