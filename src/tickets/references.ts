import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { assets, contacts, organisations, sites } from '../customers/index.js';
import { problem } from '../errors/index.js';
import { teams, users } from '../users/index.js';

/** The records a ticket points at: each must exist and fit the ticket's organisation. */
export interface TicketReferences {
  organisationId?: string | null;
  contactId?: string | null;
  siteId?: string | null;
  assetId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
}

const refused = (field: keyof TicketReferences, detail: string, message: string) =>
  problem(400, detail, { errors: [{ path: `body.${field}`, message }] });

/**
 * Refuses a ticket that would point at a record of another organisation, or at one that does not
 * exist: a site, asset or contact belongs to the ticket's organisation; a team exists; the
 * assignee is an active staff user. Only the fields named in `changed` are checked, against the
 * organisation the ticket will have (`state.organisationId`).
 *
 * An unknown id and another organisation's id get the same answer, so a customer probing ids
 * learns nothing about other companies' records.
 */
export async function checkTicketReferences(db: DbOrTx, state: TicketReferences, changed: TicketReferences = state): Promise<void> {
  const organisationId = state.organisationId ?? null;
  const notOurs = (field: keyof TicketReferences, what: string, id: string) =>
    refused(field, `${what} ${id} is not one of ${organisationId ? "the ticket's organisation's" : 'the'} records.`, `not a ${what.toLowerCase()} of the ticket's organisation`);

  if (changed.organisationId) {
    const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, changed.organisationId));
    if (!row) throw refused('organisationId', `Organisation ${changed.organisationId} does not exist.`, 'unknown organisation');
  }
  if (changed.contactId) {
    const [row] = await db.select({ organisationId: contacts.organisationId }).from(contacts).where(eq(contacts.id, changed.contactId));
    // A contact without a company (a private person) may be on any ticket; one with a company only on its company's.
    if (!row || (row.organisationId && row.organisationId !== organisationId)) throw notOurs('contactId', 'Contact', changed.contactId);
  }
  if (changed.siteId) {
    const [row] = await db.select({ organisationId: sites.organisationId }).from(sites).where(eq(sites.id, changed.siteId));
    if (!row || row.organisationId !== organisationId) throw notOurs('siteId', 'Site', changed.siteId);
  }
  if (changed.assetId) {
    const [row] = await db.select({ organisationId: assets.organisationId }).from(assets).where(eq(assets.id, changed.assetId));
    if (!row || row.organisationId !== organisationId) throw notOurs('assetId', 'Asset', changed.assetId);
  }
  if (changed.teamId) {
    const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, changed.teamId));
    if (!row) throw refused('teamId', `Team ${changed.teamId} does not exist.`, 'unknown team');
  }
  if (changed.assigneeId) {
    const [row] = await db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, changed.assigneeId));
    if (!row || !row.active || row.role === 'customer') {
      throw refused('assigneeId', `User ${changed.assigneeId} cannot be assigned tickets.`, 'unknown or inactive staff user');
    }
  }
}
