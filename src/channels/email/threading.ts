/**
 * Which ticket an incoming email continues. Pure decision logic: the caller supplies lookups
 * (backed by the stored Message-IDs and the tickets module), so the rules are tested without a
 * database and the same rules serve SMTP, IMAP and the benchmark.
 *
 * Rules, in order:
 *  1. In-Reply-To, then References from the newest to the oldest, against every Message-ID we
 *     have stored (received) or sent. Headers are the strongest evidence: the customer's mail
 *     program put them there.
 *  2. The ticket number in the subject tag (`[#1234]`), for mail programs and forwarders that
 *     drop the headers — accepted only when the caller's guard agrees (e.g. the sender belongs
 *     to the ticket's customer), because a number in a subject is easy to guess.
 *  3. Otherwise a new ticket.
 * A match on a merged ticket follows the merge to the surviving ticket. A match on a ticket
 * that no longer accepts follow-ups (closed) opens a new ticket linked to the old one.
 */
import { extractTicketNumber } from './subject.js';

/** The little the resolver needs to know about a ticket. */
export interface ThreadTicket {
  id: string;
  number: number;
  status: string;
  mergedIntoId: string | null;
  contactId: string | null;
  organisationId: string | null;
}

/** Read-only lookups the resolver calls; implemented over the database by the caller. */
export interface ThreadingLookup {
  /** Tickets known for any of these Message-IDs (bare ids, no angle brackets). */
  ticketIdsByMessageIds(messageIds: string[]): Promise<Map<string, string>>;
  ticketById(id: string): Promise<ThreadTicket | null>;
  ticketByNumber(num: number): Promise<ThreadTicket | null>;
}

export interface ThreadingInput {
  inReplyTo: string[];
  references: string[];
  subject: string;
}

export interface ThreadingOptions {
  /** Whether a subject-tag match may be trusted for this sender. Default: trusted. */
  acceptSubjectMatch?: (ticket: ThreadTicket) => boolean | Promise<boolean>;
  /** Whether the ticket still takes follow-ups. Default: every status except `closed`. */
  acceptsFollowUp?: (ticket: ThreadTicket) => boolean;
}

export type ThreadDecision =
  | { kind: 'existing'; ticketId: string; via: 'in-reply-to' | 'references' | 'subject'; matchedMessageId: string | null }
  | { kind: 'new'; relatedTicketId: string | null; reason: 'no-match' | 'closed' };

/**
 * Message-IDs as comparable keys: angle brackets and surrounding whitespace removed. The id is
 * otherwise kept as written; RFC 5322 makes the local part case-sensitive.
 */
export function normaliseMessageId(id: string): string {
  return id.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/**
 * Splits a raw In-Reply-To/References header value into bare ids. Tolerates the malformed
 * forms seen in the wild: missing brackets, commas, stray comments.
 */
export function splitMessageIds(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  const bracketed = joined.match(/<[^<>\s]+>/g);
  const parts = bracketed ?? joined.split(/[\s,]+/);
  return parts.map(normaliseMessageId).filter((p) => p.length > 0 && p.includes('@'));
}

/** The candidate ids in the order they should win: In-Reply-To, then References newest first. */
export function candidateMessageIds(input: Pick<ThreadingInput, 'inReplyTo' | 'references'>): {
  id: string;
  via: 'in-reply-to' | 'references';
}[] {
  const seen = new Set<string>();
  const out: { id: string; via: 'in-reply-to' | 'references' }[] = [];
  for (const id of input.inReplyTo.map(normaliseMessageId)) {
    if (id && !seen.has(id)) {
      seen.add(id);
      out.push({ id, via: 'in-reply-to' });
    }
  }
  for (const id of [...input.references].reverse().map(normaliseMessageId)) {
    if (id && !seen.has(id)) {
      seen.add(id);
      out.push({ id, via: 'references' });
    }
  }
  return out;
}

const MAX_MERGE_HOPS = 10;

async function followMerges(lookup: ThreadingLookup, ticket: ThreadTicket): Promise<ThreadTicket> {
  let current = ticket;
  for (let hop = 0; hop < MAX_MERGE_HOPS && current.mergedIntoId; hop++) {
    const next = await lookup.ticketById(current.mergedIntoId);
    if (!next) break;
    current = next;
  }
  return current;
}

const defaultAcceptsFollowUp = (t: ThreadTicket) => t.status !== 'closed';

/**
 * Chooses the ticket an inbound email continues, or says to open a new one (and which old
 * ticket it should be linked to). See the module comment for the rules.
 */
export async function resolveThread(
  input: ThreadingInput,
  lookup: ThreadingLookup,
  options: ThreadingOptions = {},
): Promise<ThreadDecision> {
  const acceptsFollowUp = options.acceptsFollowUp ?? defaultAcceptsFollowUp;

  const decide = async (
    found: ThreadTicket,
    via: 'in-reply-to' | 'references' | 'subject',
    matchedMessageId: string | null,
  ): Promise<ThreadDecision> => {
    const ticket = await followMerges(lookup, found);
    if (!acceptsFollowUp(ticket)) return { kind: 'new', relatedTicketId: ticket.id, reason: 'closed' };
    return { kind: 'existing', ticketId: ticket.id, via, matchedMessageId };
  };

  const candidates = candidateMessageIds(input);
  if (candidates.length > 0) {
    const known = await lookup.ticketIdsByMessageIds(candidates.map((c) => c.id));
    for (const c of candidates) {
      const ticketId = known.get(c.id);
      if (!ticketId) continue;
      const ticket = await lookup.ticketById(ticketId);
      if (ticket) return decide(ticket, c.via, c.id);
    }
  }

  const num = extractTicketNumber(input.subject);
  if (num !== null) {
    const ticket = await lookup.ticketByNumber(num);
    if (ticket && (await (options.acceptSubjectMatch?.(ticket) ?? true))) {
      return decide(ticket, 'subject', null);
    }
  }
  return { kind: 'new', relatedTicketId: null, reason: 'no-match' };
}
