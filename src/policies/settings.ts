/** The desk's settings; reading them is also what opens the administration pages of the web app. */
import { admins, allow, managers, type ResourceRules } from './rule.js';

export const settings = {
  read: allow(managers),
  update: allow(admins),
} satisfies ResourceRules;
