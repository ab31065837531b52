/** SLA policies: every staff member reads the targets; admins set them. */
import { admins, allow, staff, type ResourceRules } from './rule.js';

export const slaPolicy = {
  read: allow(staff),
  update: allow(admins),
} satisfies ResourceRules;
