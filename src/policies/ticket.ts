/** Who may do what with tickets. A customer reads and replies to its own organisation's only. */
import { allow, customers, desk, either, everyone, ownsIt, staff, type ResourceRules } from './rule.js';

const fieldDesk = [...desk, 'field_engineer'] as const;

export const ticket = {
  list: allow(everyone),
  read: either(allow(staff), allow(customers, ownsIt)),
  create: allow(everyone),
  update: allow(fieldDesk),
  reply: either(allow(fieldDesk), allow(customers, ownsIt)),
  // Internal notes and the audit trail are the desk's own.
  note: allow(staff),
  merge: allow(desk),
  audit: allow(staff),
  // An email as received carries every header and hidden part: the desk's, like notes.
  original: allow(staff),
} satisfies ResourceRules;
