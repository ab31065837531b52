/**
 * Where a reply on a phone-number channel (WhatsApp, SMS) goes: the number the customer last
 * wrote from on this ticket, else the contact's most recently used number, else the first number
 * on the contact record.
 */
import { getContact } from '../../customers/index.js';
import type { DbOrTx } from '../../db/index.js';
import type { TicketRow } from '../../tickets/index.js';
import { latestIdentity } from '../identity/store.js';
import { latestInbound } from './store.js';

export async function phoneRecipient(db: DbOrTx, ticket: TicketRow, channel: string): Promise<string | null> {
  const last = await latestInbound(db, ticket.id, channel);
  if (last?.address) return last.address;
  if (!ticket.contactId) return null;
  const identity = await latestIdentity(db, ticket.contactId, 'phone');
  if (identity) return identity.value;
  return (await getContact(db, ticket.contactId))?.phones[0] ?? null;
}
