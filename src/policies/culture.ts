/** Who may see and change the culture engine's data; part of the rule table in `index.ts`. */
import { hasRole, isStaff } from './actor.js';
import type { ResourceRules } from './rule.js';

export const cultureRules: Record<string, ResourceRules> = {
  culture: {
    // Country profiles, policies and a contact's effective policy: every staff member needs them.
    read: (a) => isStaff(a),
    // Curated country fields (Lewis weights, messaging apps …) are a manager's judgement.
    edit: (a) => hasRole(a, 'admin', 'manager'),
    // Per-organisation and per-contact overrides change how every agent treats a customer.
    override: (a) => hasRole(a, 'admin'),
  },
};
