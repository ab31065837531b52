/**
 * Domain types the pages use, derived from the API schema by path and method rather than by
 * component name: the generated document may inline or rename schemas, but the paths are the
 * contract, so these keep compiling when `schema.d.ts` is regenerated.
 */
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer S } ? JsonOf<S> : R extends { 201: infer S } ? JsonOf<S> : never
  : never;
type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type User = Ok<'/api/v1/auth/me', 'get'>['user'];
export type Role = User['role'];
export type Team = Ok<'/api/v1/teams/{id}', 'get'>;
export type TicketSummary = ItemOf<Ok<'/api/v1/tickets', 'get'>>;
export type Ticket = Ok<'/api/v1/tickets/{id}', 'get'>;
export type TicketStatus = TicketSummary['status'];
export type TicketPriority = TicketSummary['priority'];
export type TicketCreate = BodyOf<'/api/v1/tickets', 'post'>;
export type TicketPatch = BodyOf<'/api/v1/tickets/{id}', 'patch'>;
export type BulkTicketPatch = BodyOf<'/api/v1/tickets/bulk', 'post'>['patch'];
export type BulkTicketResult = Ok<'/api/v1/tickets/bulk', 'post'>;
export type TicketQuery = NonNullable<paths['/api/v1/tickets']['get']['parameters']['query']>;
export type TicketLink = Ticket['links'][number];
export type Message = ItemOf<Ok<'/api/v1/tickets/{id}/messages', 'get'>>;
export type AuditEntry = ItemOf<Ok<'/api/v1/tickets/{id}/audit', 'get'>>;
export type Organisation = Ok<'/api/v1/organisations/{id}', 'get'>;
export type OrganisationInput = BodyOf<'/api/v1/organisations', 'post'>;
export type Site = ItemOf<Ok<'/api/v1/sites', 'get'>>;
export type Contact = ItemOf<Ok<'/api/v1/contacts', 'get'>>;
export type ContactInput = BodyOf<'/api/v1/contacts', 'post'>;
export type Contract = ItemOf<Ok<'/api/v1/contracts', 'get'>>;
export type Asset = ItemOf<Ok<'/api/v1/assets', 'get'>>;
export type UserCreate = BodyOf<'/api/v1/users', 'post'>;
export type UserPatch = BodyOf<'/api/v1/users/{id}', 'patch'>;
export type TeamInput = BodyOf<'/api/v1/teams', 'post'>;
export type ApiToken = ItemOf<Ok<'/api/v1/auth/tokens', 'get'>>;

/** The statuses a ticket may take, in workflow order (for pickers and filters). */
export const ticketStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
/** Statuses that count as "not done yet": what the queues show by default. */
export const openStatuses: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];
/** Priorities from least to most urgent. */
export const ticketPriorities: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
/** Every role a user can have; `customer` users only see the portal. */
export const roles: readonly Role[] = ['admin', 'manager', 'agent', 'field_engineer', 'sales', 'customer'];
/** Seniority levels an agent or engineer can have (dispatch uses them). */
export const seniorities: readonly User['seniority'][] = ['junior', 'regular', 'senior', 'principal'];

/** `/auth/me`: the signed-in user and what they may do where no record is involved. */
export type Me = Ok<'/api/v1/auth/me', 'get'>;
/** Every resource's actions as booleans, computed on the server from the same rules it enforces. */
export type PermissionMap = Me['permissions'];
