/** Phone calls: reporting call events is for the telephony integration's API token (a desk user); screen pops and call logs are for staff. */
import { allow, desk, staff, type ResourceRules } from './rule.js';

export const call = {
  // The PBX integration signs in with an API token of an admin or agent account.
  report: allow(desk),
  read: allow(staff),
  update: allow(desk),
} satisfies ResourceRules;
