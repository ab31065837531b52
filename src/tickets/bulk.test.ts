import { describe, expect, it } from 'vitest';
import { isEmptyBulkPatch, maxTags, patchForTicket } from './bulk.js';

describe('patchForTicket', () => {
  it('sets only the fields the bulk change names', () => {
    expect(patchForTicket({ tags: ['a'] }, { status: 'pending' })).toEqual({ patch: { status: 'pending' } });
    expect(patchForTicket({ tags: [] }, { assigneeId: null, teamId: 't1', priority: 'high' })).toEqual({ patch: { assigneeId: null, teamId: 't1', priority: 'high' } });
  });

  it("adds and removes tags on each ticket's own list, keeping its order and no duplicates", () => {
    expect(patchForTicket({ tags: ['vip', 'printer'] }, { addTags: ['urgent', 'vip'], removeTags: ['printer'] })).toEqual({ patch: { tags: ['vip', 'urgent'] } });
    expect(patchForTicket({ tags: ['x'] }, { addTags: [' y ', ''] })).toEqual({ patch: { tags: ['x', 'y'] } });
  });

  it('leaves tags out of the patch when nothing about them changes', () => {
    expect(patchForTicket({ tags: ['a', 'b'] }, { addTags: ['a'], removeTags: ['c'] })).toEqual({ patch: {} });
  });

  it('a tag both added and removed ends up removed', () => {
    expect(patchForTicket({ tags: ['a'] }, { addTags: ['b'], removeTags: ['b', 'a'] })).toEqual({ patch: { tags: [] } });
  });

  it('refuses a ticket that would carry too many tags', () => {
    const tags = Array.from({ length: maxTags }, (_, i) => `t${i}`);
    const result = patchForTicket({ tags }, { addTags: ['one-more'] });
    expect(result).toEqual({ error: expect.stringContaining(`at most ${maxTags}`) });
  });
});

describe('isEmptyBulkPatch', () => {
  it('sees a change, including unassigning (null)', () => {
    expect(isEmptyBulkPatch({})).toBe(true);
    expect(isEmptyBulkPatch({ addTags: ['  '] })).toBe(true);
    expect(isEmptyBulkPatch({ assigneeId: null })).toBe(false);
    expect(isEmptyBulkPatch({ removeTags: ['x'] })).toBe(false);
  });
});
