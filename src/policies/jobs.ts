/**
 * Who may see the background job queue and retry a failed job: admins only. Job payloads carry
 * ids from every capability and a retry re-runs side effects (emails, webhooks).
 */
import { hasRole } from './actor.js';
import type { ResourceRules } from './rule.js';

export const jobRules: Record<string, ResourceRules> = {
  job: {
    list: (a) => hasRole(a, 'admin'),
    retry: (a) => hasRole(a, 'admin'),
  },
};
