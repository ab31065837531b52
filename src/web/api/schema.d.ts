/**
 * Hand-written stand-in for the types `openapi-typescript` generates from `/api/openapi.json`.
 * It follows the REST contract and the generator's output shape (`paths[path][method]`), so
 * `npm run gen:api` can overwrite this file without touching the code that uses it.
 */

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = Json<components['schemas']['Problem']>;
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Body<T> = { content: { 'application/json': T } };
type Page<T> = { items: T[]; nextCursor: string | null };
type ListQuery = { limit?: number; cursor?: string };
type IdPath = { path: { id: string } };
type Op<P, B, R> = {
  parameters: P & { header?: never; cookie?: never };
  responses: R;
} & ([B] extends [never] ? { requestBody?: never } : { requestBody: B });
type NoParams = { query?: never; path?: never };
type Get<P, T> = Op<P, never, { 200: Json<T>; 400: Problem; 401: Problem; 403: Problem; 404: Problem }>;
type Post<P, B, T, S extends number = 201> = Op<P, Body<B>, { [K in S]: Json<T> } & { 400: Problem; 401: Problem; 403: Problem; 404: Problem; 409: Problem }>;
type Patch<P, B, T> = Op<P, Body<B>, { 200: Json<T>; 400: Problem; 401: Problem; 403: Problem; 404: Problem }>;
type Path<M> = { parameters: { query?: never; header?: never; path?: never; cookie?: never } } & M;

export interface paths {
  '/api/health': Path<{ get: Get<NoParams, { status: 'ok'; database: 'pglite' | 'postgres' }> }>;
  '/api/v1/auth/login': Path<{ post: Post<NoParams, { email: string; password: string }, { user: components['schemas']['User'] }, 200> }>;
  '/api/v1/auth/logout': Path<{ post: Op<NoParams, never, { 204: NoContent }> }>;
  '/api/v1/auth/me': Path<{
    get: Get<NoParams, { user: components['schemas']['User'] }>;
    patch: Patch<NoParams, { locale?: string | null; name?: string; timeZone?: string }, { user: components['schemas']['User'] }>;
  }>;
  '/api/v1/auth/tokens': Path<{ post: Post<NoParams, { name: string }, { id: string; token: string }> }>;
  '/api/v1/tickets': Path<{
    get: Get<
      {
        query?: ListQuery & {
          status?: string;
          assigneeId?: string;
          teamId?: string;
          organisationId?: string;
          contactId?: string;
          priority?: string;
          tag?: string;
          q?: string;
          sort?: 'updated_desc' | 'created_desc' | 'created_asc' | 'priority_desc';
        };
        path?: never;
      },
      Page<components['schemas']['TicketSummary']>
    >;
    post: Post<NoParams, components['schemas']['TicketCreate'], components['schemas']['Ticket']>;
  }>;
  '/api/v1/tickets/{id}': Path<{
    get: Get<IdPath, components['schemas']['Ticket']>;
    patch: Patch<IdPath, components['schemas']['TicketPatch'], components['schemas']['Ticket']>;
  }>;
  '/api/v1/tickets/{id}/messages': Path<{
    get: Get<IdPath & { query?: ListQuery }, Page<components['schemas']['Message']>>;
    post: Post<IdPath, { kind: 'message' | 'note'; bodyText: string; bodyHtml?: string; channel?: string }, components['schemas']['Message']>;
  }>;
  '/api/v1/tickets/{id}/merge': Path<{ post: Post<IdPath, { targetId: string }, components['schemas']['Ticket'], 200> }>;
  '/api/v1/tickets/{id}/split': Path<{ post: Post<IdPath, { messageIds: string[]; subject: string }, components['schemas']['Ticket']> }>;
  '/api/v1/tickets/{id}/links': Path<{ post: Post<IdPath, { otherId: string; kind: 'related' }, components['schemas']['Ticket']> }>;
  '/api/v1/tickets/{id}/audit': Path<{ get: Get<IdPath & { query?: ListQuery }, Page<components['schemas']['AuditEntry']>> }>;
  '/api/v1/organisations': Path<{
    get: Get<{ query?: ListQuery & { q?: string }; path?: never }, Page<components['schemas']['Organisation']>>;
    post: Post<NoParams, components['schemas']['OrganisationInput'], components['schemas']['Organisation']>;
  }>;
  '/api/v1/organisations/{id}': Path<{
    get: Get<IdPath, components['schemas']['Organisation']>;
    patch: Patch<IdPath, Partial<components['schemas']['OrganisationInput']>, components['schemas']['Organisation']>;
  }>;
  '/api/v1/sites': Path<{ get: Get<{ query?: ListQuery & { organisationId?: string }; path?: never }, Page<components['schemas']['Site']>> }>;
  '/api/v1/contacts': Path<{
    get: Get<{ query?: ListQuery & { organisationId?: string; q?: string }; path?: never }, Page<components['schemas']['Contact']>>;
    post: Post<NoParams, components['schemas']['ContactInput'], components['schemas']['Contact']>;
  }>;
  '/api/v1/contacts/{id}': Path<{
    get: Get<IdPath, components['schemas']['Contact']>;
    patch: Patch<IdPath, Partial<components['schemas']['ContactInput']>, components['schemas']['Contact']>;
  }>;
  '/api/v1/contracts': Path<{ get: Get<{ query?: ListQuery & { organisationId?: string }; path?: never }, Page<components['schemas']['Contract']>> }>;
  '/api/v1/assets': Path<{ get: Get<{ query?: ListQuery & { organisationId?: string; siteId?: string }; path?: never }, Page<components['schemas']['Asset']>> }>;
  '/api/v1/users': Path<{
    get: Get<{ query?: ListQuery & { q?: string; role?: string }; path?: never }, Page<components['schemas']['User']>>;
    post: Post<NoParams, components['schemas']['UserCreate'], components['schemas']['User']>;
  }>;
  '/api/v1/users/{id}': Path<{
    get: Get<IdPath, components['schemas']['User']>;
    patch: Patch<IdPath, components['schemas']['UserPatch'], components['schemas']['User']>;
  }>;
  '/api/v1/teams': Path<{
    get: Get<{ query?: ListQuery; path?: never }, Page<components['schemas']['Team']>>;
    post: Post<NoParams, { name: string; email?: string | null; memberIds?: string[] }, components['schemas']['Team']>;
  }>;
  '/api/v1/teams/{id}': Path<{
    get: Get<IdPath, components['schemas']['Team']>;
    patch: Patch<IdPath, { name?: string; email?: string | null; memberIds?: string[] }, components['schemas']['Team']>;
  }>;
}

type Ref = { id: string; name: string } | null;
type Role = 'admin' | 'manager' | 'agent' | 'field_engineer' | 'sales' | 'customer';
type Seniority = 'junior' | 'regular' | 'senior' | 'principal';

export interface components {
  schemas: {
    Problem: { type: string; title: string; status: number; detail?: string; errors?: { path: string; message: string }[] };
    User: {
      id: string; email: string; name: string; role: Role; locale: string | null; timeZone: string; teamIds: string[];
      organisationId: string | null; contactId: string | null; languages: string[]; skills: string[]; seniority: Seniority; active: boolean;
    };
    UserCreate: {
      email: string; name: string; role: Role; password?: string; locale?: string | null; timeZone?: string; teamIds?: string[];
      organisationId?: string | null; contactId?: string | null; languages?: string[]; skills?: string[]; seniority?: Seniority;
    };
    UserPatch: Partial<components['schemas']['UserCreate']> & { active?: boolean };
    Team: { id: string; name: string; email: string | null; memberIds: string[] };
    TicketSummary: {
      id: string; number: number; subject: string;
      status: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
      priority: 'low' | 'normal' | 'high' | 'urgent';
      type: string | null; channel: string; language: string | null;
      teamId: string | null; assigneeId: string | null; organisationId: string | null; siteId: string | null; contactId: string | null; assetId: string | null;
      tags: string[]; createdAt: string; updatedAt: string; firstResponseAt: string | null; solvedAt: string | null; mergedIntoId: string | null;
      contact: Ref; organisation: Ref; assignee: Ref; team: Ref;
    };
    Ticket: components['schemas']['TicketSummary'] & {
      links: { ticketId: string; number: number; subject: string; kind: string }[];
      permissions: { update: boolean; reply: boolean; note: boolean; merge: boolean };
    };
    TicketCreate: {
      subject: string; body: string; priority?: components['schemas']['TicketSummary']['priority']; contactId?: string; organisationId?: string;
      teamId?: string; assigneeId?: string; type?: string; tags?: string[]; channel?: string; siteId?: string; assetId?: string;
    };
    TicketPatch: {
      subject?: string; status?: components['schemas']['TicketSummary']['status']; priority?: components['schemas']['TicketSummary']['priority'];
      type?: string | null; teamId?: string | null; assigneeId?: string | null; tags?: string[]; siteId?: string | null; assetId?: string | null;
      contactId?: string | null; organisationId?: string | null;
    };
    Message: {
      id: string; ticketId: string; kind: 'message' | 'note' | 'event'; channel: string; direction: 'inbound' | 'outbound' | 'internal';
      author: { type: 'user' | 'contact' | 'system'; id: string | null; name: string };
      bodyText: string; bodyHtml: string | null; attachments: { id: string; filename: string; contentType: string; size: number }[]; createdAt: string;
    };
    AuditEntry: { id: string; at: string; actor: Ref; action: string; changes: { [field: string]: { from: unknown; to: unknown } } };
    Organisation: { id: string; name: string; domains: string[]; country: string | null; industry: string | null; notes: string | null; createdAt: string; updatedAt: string };
    OrganisationInput: { name: string; domains?: string[]; country?: string | null; industry?: string | null; notes?: string | null };
    Site: { id: string; organisationId: string; name: string; address: string | null; city: string | null; country: string | null; timeZone: string | null };
    Contact: {
      id: string; organisationId: string | null; siteId: string | null; name: string; givenName: string | null; familyName: string | null;
      country: string | null; languages: string[]; timeZone: string | null; preferredChannel: string | null; phones: string[]; emails: string[];
      jobTitle: string | null; seniority: string | null; createdAt: string; updatedAt: string;
    };
    ContactInput: {
      name: string; organisationId?: string | null; siteId?: string | null; givenName?: string | null; familyName?: string | null; country?: string | null;
      languages?: string[]; timeZone?: string | null; preferredChannel?: string | null; phones?: string[]; emails?: string[]; jobTitle?: string | null;
    };
    Contract: {
      id: string; organisationId: string; name: string; slaTier: 'platinum' | 'gold' | 'silver' | 'bronze'; coverage: '24x7' | 'business_hours' | 'extended';
      calendarId: string | null; siteIds: string[]; assetIds: string[]; startsOn: string | null; endsOn: string | null;
    };
    Asset: { id: string; organisationId: string; siteId: string | null; model: string; serial: string | null; installedOn: string | null; warrantyEndsOn: string | null };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
