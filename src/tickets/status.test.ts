import { describe, expect, it } from 'vitest';
import { statusAfterMessage, statusTimestamps } from './status.js';

describe('statusAfterMessage', () => {
  it('reopens a pending or solved ticket when the customer writes', () => {
    expect(statusAfterMessage('pending', { kind: 'message', direction: 'inbound' })).toBe('open');
    expect(statusAfterMessage('solved', { kind: 'message', direction: 'inbound' })).toBe('open');
  });
  it('keeps on-hold and new tickets where they are on a customer message', () => {
    expect(statusAfterMessage('on_hold', { kind: 'message', direction: 'inbound' })).toBe('on_hold');
    expect(statusAfterMessage('new', { kind: 'message', direction: 'inbound' })).toBe('new');
  });
  it('takes a new ticket into work on the first agent reply', () => {
    expect(statusAfterMessage('new', { kind: 'message', direction: 'outbound' })).toBe('open');
    expect(statusAfterMessage('pending', { kind: 'message', direction: 'outbound' })).toBe('pending');
  });
  it('ignores internal notes', () => {
    expect(statusAfterMessage('pending', { kind: 'note', direction: 'internal' })).toBe('pending');
  });
});

describe('statusTimestamps', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('stamps solved and closed on entry and clears them on reopen', () => {
    expect(statusTimestamps('open', 'solved', now)).toEqual({ solvedAt: now });
    expect(statusTimestamps('solved', 'closed', now)).toEqual({ closedAt: now });
    expect(statusTimestamps('solved', 'open', now)).toEqual({ solvedAt: null, closedAt: null });
    expect(statusTimestamps('open', 'open', now)).toEqual({});
  });
});
