/** Outgoing webhooks carry the desk's data to other systems: admins only. */
import { admins, allow, type ResourceRules } from './rule.js';

export const webhook = {
  read: allow(admins),
  update: allow(admins),
} satisfies ResourceRules;
