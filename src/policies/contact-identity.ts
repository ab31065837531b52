/** Which phone numbers and chat handles belong to which contact: staff see them, the desk links them. */
import { allow, desk, staff, type ResourceRules } from './rule.js';

export const contactIdentity = {
  read: allow(staff),
  update: allow(desk),
} satisfies ResourceRules;
