/**
 * Who may see and change the culture engine's data. Imported by the culture routes (after the
 * policy registry has loaded, which an import from `index.ts` itself could not guarantee).
 */
import { defineRules, hasRole, isStaff } from './index.js';

defineRules('culture', {
  // Country profiles, policies and a contact's effective policy: every staff member needs them.
  read: (a) => isStaff(a),
  // Curated country fields (Lewis weights, messaging apps …) are a manager's judgement.
  edit: (a) => hasRole(a, 'admin', 'manager'),
  // Per-organisation and per-contact overrides change how every agent treats a customer.
  override: (a) => hasRole(a, 'admin'),
});
