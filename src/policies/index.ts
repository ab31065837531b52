import { z } from 'zod';
import { problem } from '../errors/index.js';
import { type Actor, isCustomer } from './actor.js';
import { apiToken } from './api-token.js';
import { calendar } from './calendar.js';
import { call } from './call.js';
import { channels } from './channels.js';
import { contactIdentity } from './contact-identity.js';
import { culture } from './culture.js';
import { customer } from './customer.js';
import { job } from './job.js';
import { macro } from './macro.js';
import { privacy } from './privacy.js';
import { promise } from './promise.js';
import { reports } from './reports.js';
import { settings } from './settings.js';
import { slaPolicy } from './sla-policy.js';
import { team } from './team.js';
import { teamShift } from './team-shift.js';
import { ticketSla } from './ticket-sla.js';
import { ticket } from './ticket.js';
import { user } from './user.js';
import { webhook } from './webhook.js';
import { workspace } from './workspace.js';
import { ownsIt, type Owned, type Rule } from './rule.js';

export type { Actor, Role } from './actor.js';
export { isStaff, isCustomer, hasRole, userRoles } from './actor.js';

export type { Owned, Rule } from './rule.js';

/**
 * Every authorization rule of Rapport, by resource (one file each) and action. Routes never
 * decide on their own: they call `authorize` or `can`, and presenters call `permissions` so the
 * web app shows only what the user may do.
 */
export const rules = {
  ticket,
  customer,
  user,
  api_token: apiToken,
  team,
  settings,
  reports,
  calendar,
  sla_policy: slaPolicy,
  team_shift: teamShift,
  ticket_sla: ticketSla,
  promise,
  webhook,
  culture,
  channels,
  call,
  contact_identity: contactIdentity,
  job,
  macro,
  workspace,
  privacy,
} as const;

type Rules = typeof rules;
export type Resource = keyof Rules;
/** The actions a resource's rules define: `Action<'ticket'>` is `'list' | 'read' | … | 'audit'`. */
export type Action<R extends Resource> = keyof Rules[R] & string;
/** What a resource's rules look at: `Owned` for most, the token's owner for `api_token`. */
export type Subject<R extends Resource> = Rules[R][Action<R>] extends Rule<infer S> ? S : never;
/** Every resource and its actions as booleans: the caller-wide map of `/auth/me`. */
export type PermissionMap = { [R in Resource]: Record<Action<R>, boolean> };

export const resources = Object.keys(rules) as Resource[];
export const actionsOf = <R extends Resource>(resource: R) => Object.keys(rules[resource]) as Action<R>[];

/** Whether the actor may do `action` on `resource` (optionally a specific record). */
export function can<R extends Resource>(actor: Actor, action: NoInfer<Action<R>>, resource: R, subject?: Subject<R>): boolean {
  const rule = (rules[resource] as Record<string, Rule<unknown>>)[action];
  return rule ? rule(actor, subject) : false;
}

/**
 * Throws unless allowed. A customer asking for a record outside its organisation gets 404, never
 * 403, so it cannot even learn that the record exists.
 */
export function authorize<R extends Resource>(actor: Actor, action: NoInfer<Action<R>>, resource: R, subject?: Subject<R>): void {
  if (can(actor, action, resource, subject)) return;
  if (subject && isCustomer(actor) && !ownsIt(actor, subject as Owned)) throw problem(404, `This ${resource} was not found.`);
  throw problem(403, `Your role (${actor.role}) may not ${action} this ${resource}.`);
}

/** The caller's permissions on one record, shown to the web app so it never re-implements a rule. */
export function permissions<R extends Resource, A extends Action<R>>(actor: Actor, resource: R, subject: Subject<R> | undefined, actions: readonly A[]): Record<A, boolean> {
  return Object.fromEntries(actions.map((a) => [a, can(actor, a, resource, subject)])) as Record<A, boolean>;
}

/** The zod schema of a record's `permissions` (see `permissions`), for its response schema. */
export function permissionsSchema<R extends Resource, A extends Action<R>>(resource: R, actions: readonly A[]) {
  return z
    .object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<A, z.ZodBoolean>)
    .meta({ description: `What the caller may do with this record (the ${resource} rules)` });
}

/**
 * The caller's permissions that do not depend on a record: every rule asked with no subject
 * (so a rule about a customer's own records answers false here; the record's own `permissions`
 * answer for it). `subjects` gives the one record a resource is always about, such as the
 * caller's own user for `api_token`.
 */
export function callerPermissions(actor: Actor, subjects: { [R in Resource]?: Subject<R> } = {}): PermissionMap {
  return Object.fromEntries(
    resources.map((r) => [r, Object.fromEntries(actionsOf(r).map((a) => [a, can(actor, a, r, subjects[r] as never)]))]),
  ) as PermissionMap;
}

/** The zod schema of `PermissionMap`, so OpenAPI (and the web client's types) name every resource and action. */
export const permissionMapSchema = z
  .object(Object.fromEntries(resources.map((r) => [r, z.object(Object.fromEntries(actionsOf(r).map((a) => [a, z.boolean()])))])))
  .meta({ id: 'PermissionMap' }) as unknown as z.ZodType<PermissionMap>;

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
