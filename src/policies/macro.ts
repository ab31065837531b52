/**
 * Macros (canned replies): staff use them; anyone on staff keeps personal ones that only they
 * see; shared ones are everybody's and only managers and admins change them. Customers never.
 */
import type { Actor } from './actor.js';
import { allow, desk, managers, staff, type ResourceRules } from './rule.js';

/** What the macro rules look at: whose macro it is and whether it is shared. */
export interface MacroSubject {
  ownerUserId: string;
  scope: 'personal' | 'shared';
}

const sees = (actor: Actor, m: MacroSubject | undefined) => !m || m.scope === 'shared' || m.ownerUserId === actor.userId;
const changes = (actor: Actor, m: MacroSubject | undefined) =>
  !m || (m.scope === 'shared' ? managers.includes(actor.role) : m.ownerUserId === actor.userId);

export const macro = {
  list: allow(staff),
  read: allow(staff, sees),
  create: allow(staff, changes),
  update: allow(staff, changes),
  delete: allow(staff, changes),
  /** Applying changes the ticket too: the desk roles only, on a macro they can see. */
  apply: allow(desk, sees),
} satisfies ResourceRules<MacroSubject>;
