/**
 * Expected contacts per case for a customer, from the culture engine: how often people of this
 * culture get in touch about one case by habit. Patience reads contact counts against it.
 *
 * By default the country's service policy answers; the culture engine can register a source
 * that knows more (organisation and contact overrides, observed behaviour).
 */
import type { DbOrTx } from '../db/client.js';
import { countryPolicy } from '../culture/index.js';

export interface CustomerFacts {
  contactId: string | null;
  organisationId: string | null;
  country: string | null;
}

export interface ExpectedContacts {
  value: number;
  source: 'customer' | 'country' | 'default';
}

export type ExpectedContactsSource = (db: DbOrTx, customer: CustomerFacts) => Promise<number | null>;

let customerSource: ExpectedContactsSource | null = null;

/** Lets the culture engine answer per customer (effective policy) rather than per country. */
export function setExpectedContactsSource(source: ExpectedContactsSource | null): void {
  customerSource = source;
}

/** Used where nothing is known about the customer: two contacts per case is the cross-market median. */
export const DEFAULT_EXPECTED_CONTACTS = 2;

/** The contacts per case to expect from this customer, and where the number came from. */
export async function expectedContacts(db: DbOrTx, customer: CustomerFacts): Promise<ExpectedContacts> {
  if (customerSource) {
    const value = await customerSource(db, customer);
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
