/** Every role of Rapport; authorization is written against these (users store them). */
export const userRoles = ['admin', 'manager', 'agent', 'field_engineer', 'sales', 'customer'] as const;

export type Role = (typeof userRoles)[number];

/** Who is making a request. Built once per request by the authentication hook. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** Set for customer users: the only organisation whose records they may see. */
  organisationId: string | null;
  contactId: string | null;
  teamIds: string[];
}

export const staffRoles: readonly Role[] = ['admin', 'manager', 'agent', 'field_engineer', 'sales'];

export const isStaff = (actor: Actor) => staffRoles.includes(actor.role);
export const isCustomer = (actor: Actor) => actor.role === 'customer';
export const hasRole = (actor: Actor, ...roles: Role[]) => roles.includes(actor.role);
