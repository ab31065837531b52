import type { AppContext } from '../../src/http/context.js';
import { newId } from '../../src/db/ids.js';
import { contacts, organisations, sites } from '../../src/customers/schema.js';
import type { Db } from '../../src/db/client.js';
import { createTicket } from '../../src/tickets/commands.js';
import { createTeam, createUser } from '../../src/users/store.js';
import type { Role } from '../../src/policies/index.js';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Test factories: a valid record in one call, with overrides for what the test is about. */
export async function makeOrganisation(db: Db, overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const [row] = await db.insert(organisations).values({ id: newId(), name: `Org ${unique()}`, country: 'DE', ...overrides }).returning();
  return row;
}

export async function makeSite(db: Db, organisationId: string, overrides: Partial<typeof sites.$inferInsert> = {}) {
  const [row] = await db.insert(sites).values({ id: newId(), organisationId, name: `Site ${unique()}`, country: 'DE', timeZone: 'Europe/Berlin', ...overrides }).returning();
  return row;
}

export async function makeContact(db: Db, overrides: Partial<typeof contacts.$inferInsert> = {}) {
  const u = unique();
  const [row] = await db.insert(contacts).values({ id: newId(), name: `Contact ${u}`, emails: [`c${u}@customer.example`], country: 'DE', languages: ['de'], ...overrides }).returning();
  return row;
}

export async function makeUser(db: Db, role: Role, overrides: Partial<Parameters<typeof createUser>[1]> = {}) {
  const u = unique();
  return createUser(db, { email: `${role}${u}@staff.example`, name: `${role} ${u}`, role, password: 'demo1234', ...overrides });
}

export async function makeTeam(db: Db, overrides: Partial<Parameters<typeof createTeam>[1]> = {}) {
  return createTeam(db, { name: `Team ${unique()}`, ...overrides });
}

/** Opens a ticket through the real command, so the app's ticket hooks (SLA, patience, channels) run. */
export async function makeTicket(ctx: Pick<AppContext, 'db' | 'registry'>, overrides: Partial<Parameters<typeof createTicket>[1]> = {}) {
  const { ticket } = await createTicket({ db: ctx.db, registry: ctx.registry, actorUserId: null }, {
    subject: `Ticket ${unique()}`,
    message: { kind: 'message', direction: 'inbound', author: { name: 'Customer' }, bodyText: 'Something is broken.' },
    ...overrides,
  });
  return ticket;
}
