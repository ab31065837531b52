/** Business calendars: agents read them to understand due times; only admins change when the business is open. */
import { admins, allow, staff, type ResourceRules } from './rule.js';

export const calendar = {
  read: allow(staff),
  compute: allow(staff),
  update: allow(admins),
} satisfies ResourceRules;
