/**
 * Who may do what with the channels: connecting mailboxes, chat widgets and routing is an
 * admin's job; reading how a channel is set up and its failures helps managers too; reporting
 * call events is for the telephony integration's API token (a desk user); screen pops and call
 * logs are for staff. Part of the rule table in `index.ts`.
 */
import { hasRole, isStaff } from './actor.js';
import type { ResourceRules } from './rule.js';

export const channelRules: Record<string, ResourceRules> = {
  channels: {
    read: (a) => hasRole(a, 'admin', 'manager'),
    update: (a) => hasRole(a, 'admin'),
  },
  call: {
    // The PBX integration signs in with an API token of an admin or agent account.
    report: (a) => hasRole(a, 'admin', 'manager', 'agent'),
    read: (a) => isStaff(a),
    update: (a) => hasRole(a, 'admin', 'manager', 'agent'),
  },
  contact_identity: {
    read: (a) => isStaff(a),
    update: (a) => hasRole(a, 'admin', 'manager', 'agent'),
  },
};
