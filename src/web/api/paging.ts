/** A page of any list endpoint: the contract's `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Follows `nextCursor` until the end (or `maxPages`) for the small lists a picker needs whole,
 * such as teams or a ticket's messages. Queues use "load more" paging instead.
 */
export async function fetchAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

/** Page size for lists fetched whole; the API caps `limit`, so keep it modest. */
export const bulkLimit = 100;
/** Page size for the queue: one screen plus a little. */
export const queueLimit = 50;
