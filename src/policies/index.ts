import { problem } from '../errors/index.js';
import { type Actor, hasRole, isCustomer, isStaff } from './actor.js';
import { channelRules } from './channels.js';
import { cultureRules } from './culture.js';
import { jobRules } from './jobs.js';
import { slaRules } from './sla.js';
import type { Owned, Rule } from './rule.js';

export type { Actor, Role } from './actor.js';
export { isStaff, isCustomer, hasRole, userRoles } from './actor.js';

export type { Owned, Rule } from './rule.js';

/** A customer user sees what belongs to its organisation, or to itself when it has none. */
const ownsIt = (actor: Actor, s: Owned | undefined) =>
  isCustomer(actor) &&
  !!s &&
  ((!!actor.organisationId && s.organisationId === actor.organisationId) ||
    (!!actor.contactId && s.contactId === actor.contactId));

const deskRoles = (a: Actor) => hasRole(a, 'admin', 'manager', 'agent');
const staffOrOwner: Rule = (a, s) => isStaff(a) || ownsIt(a, s);

/**
 * Every authorization rule of Rapport, by resource and action. Routes never decide on their own:
 * they call `authorize` or `can`, and presenters call `permissions` so the web app shows only
 * what the user may do.
 */
const rules: Record<string, Record<string, Rule>> = {
  ticket: {
    list: (a) => isStaff(a) || isCustomer(a),
    read: staffOrOwner,
    create: (a) => isStaff(a) || isCustomer(a),
    update: (a) => deskRoles(a) || hasRole(a, 'field_engineer'),
    reply: (a, s) => deskRoles(a) || hasRole(a, 'field_engineer') || ownsIt(a, s),
    note: (a) => isStaff(a),
    merge: deskRoles,
    audit: (a) => isStaff(a),
  },
  customer: {
    // organisations, sites, contacts, contracts, assets
    list: (a) => isStaff(a) || isCustomer(a),
    read: staffOrOwner,
    create: deskRoles,
    update: deskRoles,
  },
  user: {
    list: (a) => isStaff(a),
    read: (a) => isStaff(a),
    create: (a) => hasRole(a, 'admin'),
    update: (a) => hasRole(a, 'admin'),
  },
  api_token: {
    // Personal tokens: staff always; a customer only when an admin allowed it on their user
    // (the subject is that user: `{ apiTokensAllowed }`).
    create: (a, s) => isStaff(a) || (isCustomer(a) && (s as { apiTokensAllowed?: boolean } | undefined)?.apiTokensAllowed === true),
  },
  team: {
    list: (a) => isStaff(a),
    read: (a) => isStaff(a),
    create: (a) => hasRole(a, 'admin', 'manager'),
    update: (a) => hasRole(a, 'admin', 'manager'),
  },
  settings: {
    read: (a) => hasRole(a, 'admin', 'manager'),
    update: (a) => hasRole(a, 'admin'),
  },
  reports: {
    read: (a) => hasRole(a, 'admin', 'manager'),
  },
  ...slaRules,
  ...cultureRules,
  ...channelRules,
  ...jobRules,
};


/** Whether the actor may do `action` on `resource` (optionally a specific record). */
export function can(actor: Actor, action: string, resource: string, subject?: Owned): boolean {
  const rule = rules[resource]?.[action];
  return rule ? rule(actor, subject) : false;
}

/**
 * Throws unless allowed. A customer asking for a record outside its organisation gets 404, never
 * 403, so it cannot even learn that the record exists.
 */
export function authorize(actor: Actor, action: string, resource: string, subject?: Owned): void {
  if (can(actor, action, resource, subject)) return;
  if (subject && isCustomer(actor) && !ownsIt(actor, subject)) throw problem(404, `This ${resource} was not found.`);
  throw problem(403, `Your role (${actor.role}) may not ${action} this ${resource}.`);
}

/** The caller's permissions on one record, shown to the web app so it never re-implements a rule. */
export function permissions<A extends string>(actor: Actor, resource: string, subject: Owned, actions: A[]): Record<A, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, resource, subject)])) as Record<A, boolean>;
}

/**
 * For list queries: the organisation a customer is confined to, or undefined for staff.
 * Stores add it as a WHERE condition so a customer's list never contains another's rows.
 */
export function organisationScope(actor: Actor): { organisationId?: string; contactId?: string } | undefined {
  if (!isCustomer(actor)) return undefined;
  if (actor.organisationId) return { organisationId: actor.organisationId };
  if (actor.contactId) return { contactId: actor.contactId };
  return { organisationId: '00000000-0000-0000-0000-000000000000' };
}
