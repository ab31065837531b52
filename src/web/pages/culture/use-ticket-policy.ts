/**
 * The policy that applies to a ticket's customer: the contact's effective policy when the
 * ticket has a contact, else the organisation's country policy, else nothing.
 */
import type { EffectivePolicyAnswer } from '../../../culture/browser';
import type { ServicePolicy } from '../../../culture/browser';
import { useContactPolicy, useCountryPolicy } from '../../api/culture';
import { useOrganisation } from '../../api/customers';

export interface TicketPolicy {
  policy: ServicePolicy | null;
  effective: EffectivePolicyAnswer | null;
  country: string | null;
  countryName: string | null;
  isPending: boolean;
  error: unknown;
  refetch: () => void;
}

/** Which policy applies to the ticket's customer, loading only what is needed. */
export function useTicketPolicy(ticket: { contactId: string | null; organisationId: string | null }): TicketPolicy {
  const contact = useContactPolicy(ticket.contactId);
  const org = useOrganisation(ticket.contactId ? null : ticket.organisationId);
  const countryCode = ticket.contactId ? null : org.data?.country ?? null;
  const country = useCountryPolicy(countryCode);
  if (ticket.contactId) {
    return {
      policy: contact.data?.policy ?? null, effective: contact.data ?? null, country: contact.data?.country ?? null,
      countryName: contact.data?.countryName ?? null, isPending: contact.isPending, error: contact.error, refetch: () => void contact.refetch(),
    };
  }
  return {
    policy: country.data?.policy ?? null, effective: null, country: countryCode, countryName: country.data?.name ?? null,
    isPending: Boolean(ticket.organisationId) && (org.isPending || (Boolean(countryCode) && country.isPending)),
    error: org.error ?? country.error, refetch: () => void country.refetch(),
  };
}
