/**
 * Who may see the background job queue and retry a failed job: admins only. Job payloads carry
 * ids from every capability and a retry re-runs side effects (emails, webhooks).
 */
import { admins, allow, type ResourceRules } from './rule.js';

export const job = {
  list: allow(admins),
  retry: allow(admins),
} satisfies ResourceRules;
