/** Who may see and change the culture engine's data. */
import { admins, allow, managers, staff, type ResourceRules } from './rule.js';

export const culture = {
  // Country profiles, policies and a contact's effective policy: every staff member needs them.
  read: allow(staff),
  // Curated country fields (Lewis weights, messaging apps …) are a manager's judgement.
  edit: allow(managers),
  // Per-organisation and per-contact overrides change how every agent treats a customer.
  override: allow(admins),
} satisfies ResourceRules;
