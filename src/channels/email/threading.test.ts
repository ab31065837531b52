import { describe, expect, it } from 'vitest';
import {
  candidateMessageIds,
  normaliseMessageId,
  resolveThread,
  splitMessageIds,
  type ThreadTicket,
  type ThreadingLookup,
} from './threading.js';

function ticket(over: Partial<ThreadTicket> & { id: string; number: number }): ThreadTicket {
  return { status: 'open', mergedIntoId: null, contactId: 'c1', organisationId: 'o1', ...over };
}

/** An in-memory lookup: a real implementation of the interface, standing in for the database. */
function memoryLookup(tickets: ThreadTicket[], messageIds: Record<string, string>): ThreadingLookup & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async ticketIdsByMessageIds(ids) {
      calls.push(ids);
      const m = new Map<string, string>();
      for (const id of ids) if (messageIds[id]) m.set(id, messageIds[id]);
      return m;
    },
    async ticketById(id) {
      return tickets.find((t) => t.id === id) ?? null;
    },
    async ticketByNumber(n) {
      return tickets.find((t) => t.number === n) ?? null;
    },
  };
}

describe('message id helpers', () => {
  it('normalises brackets and whitespace but keeps case', () => {
    expect(normaliseMessageId(' <AbC.1@Mail.Example> ')).toBe('AbC.1@Mail.Example');
  });

  it('splits header values, tolerating commas and missing brackets', () => {
    expect(splitMessageIds('<a@x> <b@y>\r\n <c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(splitMessageIds('a@x, b@y')).toEqual(['a@x', 'b@y']);
    expect(splitMessageIds(['<a@x>', '<b@y>'])).toEqual(['a@x', 'b@y']);
    expect(splitMessageIds('(comment) not-an-id')).toEqual([]);
    expect(splitMessageIds(undefined)).toEqual([]);
  });

  it('orders candidates In-Reply-To first, then References newest first, without duplicates', () => {
    expect(candidateMessageIds({ inReplyTo: ['<c@x>'], references: ['a@x', 'b@x', 'c@x'] })).toEqual([
      { id: 'c@x', via: 'in-reply-to' },
      { id: 'b@x', via: 'references' },
      { id: 'a@x', via: 'references' },
    ]);
  });
});

describe('resolveThread', () => {
  const t1 = ticket({ id: 't1', number: 101 });
  const t2 = ticket({ id: 't2', number: 102 });

  it('joins by In-Reply-To', async () => {
    const lookup = memoryLookup([t1, t2], { 'm1@x': 't1', 'm2@x': 't2' });
    const d = await resolveThread({ inReplyTo: ['m2@x'], references: ['m1@x'], subject: 'Re: hi' }, lookup);
    expect(d).toEqual({ kind: 'existing', ticketId: 't2', via: 'in-reply-to', matchedMessageId: 'm2@x' });
  });

  it('falls back to References, preferring the newest known id', async () => {
    const lookup = memoryLookup([t1, t2], { 'm1@x': 't1', 'm3@x': 't2' });
    const d = await resolveThread(
      { inReplyTo: ['unknown@x'], references: ['m1@x', 'm3@x', 'unknown@x'], subject: 'Re: hi' },
      lookup,
    );
    expect(d).toMatchObject({ kind: 'existing', ticketId: 't2', via: 'references', matchedMessageId: 'm3@x' });
  });

  it('prefers headers over a subject tag pointing elsewhere', async () => {
    const lookup = memoryLookup([t1, t2], { 'm1@x': 't1' });
    const d = await resolveThread({ inReplyTo: ['m1@x'], references: [], subject: 'Re: hi [#102]' }, lookup);
    expect(d).toMatchObject({ kind: 'existing', ticketId: 't1' });
  });

  it('uses the subject tag when no header matches', async () => {
    const lookup = memoryLookup([t1, t2], {});
    const d = await resolveThread({ inReplyTo: ['lost@x'], references: [], subject: 'AW: Pumpe [#102]' }, lookup);
    expect(d).toEqual({ kind: 'existing', ticketId: 't2', via: 'subject', matchedMessageId: null });
  });

  it('refuses a subject match the guard rejects', async () => {
    const lookup = memoryLookup([t1], {});
    const d = await resolveThread({ inReplyTo: [], references: [], subject: 'Re: [#101]' }, lookup, {
      acceptSubjectMatch: (t) => t.contactId === 'someone-else',
    });
    expect(d).toEqual({ kind: 'new', relatedTicketId: null, reason: 'no-match' });
  });

  it('follows merges to the surviving ticket', async () => {
    const merged = ticket({ id: 'old', number: 5, status: 'closed', mergedIntoId: 'mid' });
    const mid = ticket({ id: 'mid', number: 6, status: 'closed', mergedIntoId: 'final' });
    const final = ticket({ id: 'final', number: 7 });
    const lookup = memoryLookup([merged, mid, final], { 'm@x': 'old' });
    const d = await resolveThread({ inReplyTo: ['m@x'], references: [], subject: '' }, lookup);
    expect(d).toMatchObject({ kind: 'existing', ticketId: 'final' });
  });

  it('does not loop forever on a merge cycle', async () => {
    const a = ticket({ id: 'a', number: 1, mergedIntoId: 'b' });
    const b = ticket({ id: 'b', number: 2, mergedIntoId: 'a' });
    const lookup = memoryLookup([a, b], { 'm@x': 'a' });
    const d = await resolveThread({ inReplyTo: ['m@x'], references: [], subject: '' }, lookup);
    expect(d.kind).toBe('existing');
  });

  it('opens a new ticket linked to a closed one', async () => {
    const closed = ticket({ id: 'c', number: 9, status: 'closed' });
    const lookup = memoryLookup([closed], { 'm@x': 'c' });
    const d = await resolveThread({ inReplyTo: ['m@x'], references: [], subject: '' }, lookup);
    expect(d).toEqual({ kind: 'new', relatedTicketId: 'c', reason: 'closed' });
  });

  it('reopens a solved ticket (solved still takes follow-ups by default)', async () => {
    const solved = ticket({ id: 's', number: 9, status: 'solved' });
    const lookup = memoryLookup([solved], {});
    const d = await resolveThread({ inReplyTo: [], references: [], subject: 'Re: x [#9]' }, lookup);
    expect(d).toMatchObject({ kind: 'existing', ticketId: 's' });
  });

  it('opens a new ticket for a fresh message and does not query ids it does not have', async () => {
    const lookup = memoryLookup([t1], {});
    const d = await resolveThread({ inReplyTo: [], references: [], subject: 'Pump leaking' }, lookup);
    expect(d).toEqual({ kind: 'new', relatedTicketId: null, reason: 'no-match' });
    expect(lookup.calls).toEqual([]);
  });

  it('opens a new ticket when the tagged number does not exist', async () => {
    const lookup = memoryLookup([t1], {});
    const d = await resolveThread({ inReplyTo: [], references: [], subject: 'Re: [#999]' }, lookup);
    expect(d.kind).toBe('new');
  });
});
