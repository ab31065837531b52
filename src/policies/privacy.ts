/**
 * Who may act on personal data as such: export a contact's data (admins, and a customer for
 * themselves — their right of access), erase a contact, read the processing log and set
 * retention (admins only: each is irreversible or reveals everything about someone).
 */
import type { Actor } from './actor.js';
import { admins, allow, customers, either, type Owned, type ResourceRules } from './rule.js';

const isThemselves = (actor: Actor, s: Owned | undefined) => !!actor.contactId && s?.contactId === actor.contactId;

export const privacy = {
  export: either(allow(admins), allow(customers, isThemselves)),
  erase: allow(admins),
  log: allow(admins),
  retention: allow(admins),
} satisfies ResourceRules;
