/**
 * Which SLA a ticket is measured against: the policy for its contract tier and priority, counted
 * on the calendar that applies to it. Calendar precedence, most specific first:
 *   1. the contract's own calendar;
 *   2. the contract's coverage (24x7 / business hours / extended) in the covered site's zone;
 *   3. the policy's calendar;
 *   4. the calendar of the customer's country (admin override or default);
 *   5. Monday–Friday 09:00–17:00 UTC.
 */
import type { DbOrTx } from '../db/index.js';
import { getContact, getOrganisation } from '../customers/index.js';
import type { CalendarDefinition } from '../calendars/index.js';
import { countryCalendar, getCalendar, definitionOf } from '../calendars/index.js';
import { calendarForCoverage } from './coverage.js';
import { coveringContract, siteFacts } from './customer-facts.js';
import { selectSlaPolicy, type Priority } from './policy-selection.js';
import { activeSlaPolicies, clockPolicyOf } from './policy-store.js';
import type { SlaClockPolicy } from './sla-clock.js';

export type CalendarSource = 'contract' | 'coverage' | 'policy' | 'country' | 'default';

export interface ApplicableSla {
  policyId: string;
  policyName: string;
  targets: SlaClockPolicy;
  calendar: CalendarDefinition;
  calendarSource: CalendarSource;
}

export interface SlaTicketFacts {
  priority: Priority;
  organisationId: string | null;
  contactId: string | null;
  siteId: string | null;
  assetId: string | null;
}

const FALLBACK: CalendarDefinition = {
  timeZone: 'UTC',
  hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
};

async function storedDefinition(db: DbOrTx, id: string | null): Promise<CalendarDefinition | null> {
  if (!id) return null;
  const row = await getCalendar(db, id);
  return row ? definitionOf(row) : null;
}

/**
 * Chooses the policy and calendar for a ticket as of `now`, or null when no active policy
 * matches (then the ticket has no SLA clocks).
 */
export async function applicableSla(db: DbOrTx, ticket: SlaTicketFacts, now: Date): Promise<ApplicableSla | null> {
  const contract = await coveringContract(db, ticket, now);
  const policy = selectSlaPolicy(await activeSlaPolicies(db), contract?.slaTier ?? null, ticket.priority);
  if (!policy) return null;
  const base = { policyId: policy.id, policyName: policy.name, targets: clockPolicyOf(policy) };

  const fromContract = await storedDefinition(db, contract?.calendarId ?? null);
  if (fromContract) return { ...base, calendar: fromContract, calendarSource: 'contract' };

  const site = await siteFacts(db, ticket.siteId);
  const organisation = ticket.organisationId ? await getOrganisation(db, ticket.organisationId) : null;
  const contact = !organisation?.country && ticket.contactId ? await getContact(db, ticket.contactId) : null;
  const country = site?.country ?? organisation?.country ?? contact?.country ?? null;
  const local = country ? await countryCalendar(db, country, site?.timeZone ?? contact?.timeZone ?? undefined) : null;

  if (contract && local) return { ...base, calendar: calendarForCoverage(contract.coverage, local.definition), calendarSource: 'coverage' };
  if (contract?.coverage === '24x7') return { ...base, calendar: { timeZone: site?.timeZone ?? 'UTC', alwaysOpen: true }, calendarSource: 'coverage' };

  const fromPolicy = await storedDefinition(db, policy.calendarId);
  if (fromPolicy) return { ...base, calendar: fromPolicy, calendarSource: 'policy' };
  if (local) return { ...base, calendar: local.definition, calendarSource: 'country' };
  return { ...base, calendar: FALLBACK, calendarSource: 'default' };
}
