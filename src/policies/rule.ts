import type { Actor, Role } from './actor.js';
import { isCustomer, staffRoles, userRoles } from './actor.js';

/** The fields a rule may look at: anything that belongs to a customer organisation. */
export interface Owned {
  organisationId?: string | null;
  contactId?: string | null;
}

/** One rule: whether `actor` may do one action, on `subject` when the action is about a record. */
export type Rule<S = Owned> = (actor: Actor, subject: S | undefined) => boolean;

/** A resource's rules by action; every file of this folder exports one, typed with `satisfies`. */
export type ResourceRules<S = Owned> = Record<string, Rule<S>>;

/** Who a rule names, as role lists; a rule file reads `allow(desk)`, `allow(customers, ownsIt)` … */
export const everyone: readonly Role[] = userRoles;
export const staff: readonly Role[] = staffRoles;
export const customers: readonly Role[] = ['customer'];
export const desk: readonly Role[] = ['admin', 'manager', 'agent'];
export const managers: readonly Role[] = ['admin', 'manager'];
export const admins: readonly Role[] = ['admin'];

/**
 * `allow(roles, condition)`: the actor's role is one of `roles` and, when given, the condition
 * holds for the actor and the subject. Combine several with `either`.
 */
export function allow<S = Owned>(roles: readonly Role[], condition?: (actor: Actor, subject: S | undefined) => boolean): Rule<S> {
  return (actor, subject) => roles.includes(actor.role) && (!condition || condition(actor, subject));
}

/** Allowed when any of the rules allows. */
export function either<S = Owned>(...rules: Rule<S>[]): Rule<S> {
  return (actor, subject) => rules.some((rule) => rule(actor, subject));
}

/** A customer user owns what belongs to its organisation, or to itself when it has none. */
export function ownsIt(actor: Actor, s: Owned | undefined): boolean {
  return (
    isCustomer(actor) &&
    !!s &&
    ((!!actor.organisationId && s.organisationId === actor.organisationId) || (!!actor.contactId && s.contactId === actor.contactId))
  );
}
