/**
 * Expected contacts per case for a customer, from the culture engine: how often people of this
 * culture get in touch about one case by habit. Patience reads contact counts against it.
 *
 * The contact's effective policy answers first (organisation and contact overrides, observed
 * behaviour); without a contact, the country's service policy.
 */
import type { DbOrTx } from '../db/index.js';
import { contactPolicy, countryPolicy } from '../culture/index.js';

export interface CustomerFacts {
  contactId: string | null;
  organisationId: string | null;
  country: string | null;
}

export interface ExpectedContacts {
  value: number;
  source: 'customer' | 'country' | 'default';
}

/** Used where nothing is known about the customer: two contacts per case is the cross-market median. */
export const DEFAULT_EXPECTED_CONTACTS = 2;

/** The contacts per case to expect from this customer, and where the number came from. */
export async function expectedContacts(db: DbOrTx, customer: CustomerFacts): Promise<ExpectedContacts> {
  if (customer.contactId) {
    const value = (await contactPolicy(db, customer.contactId))?.policy.expectedContacts.value;
    if (value != null && value > 0) return { value, source: 'customer' };
  }
  if (customer.country) {
    try {
      return { value: countryPolicy(customer.country).expectedContacts.value, source: 'country' };
    } catch {
      // An unknown code: fall through to the default rather than fail a ticket page.
    }
  }
  return { value: DEFAULT_EXPECTED_CONTACTS, source: 'default' };
}
