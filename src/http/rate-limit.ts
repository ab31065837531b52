import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/index.js';
import { problem } from '../errors/index.js';

/**
 * Counts hits per key in a fixed window, in the database, so the limit holds across every node.
 * Throws 429 with `retryAfter` when the key is over its limit.
 */
export async function rateLimit(db: Db, key: string, max: number, windowSeconds: number): Promise<void> {
  const [row] = await queryRows<{ count: number }>(db, sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count::int as count`);
  const count = Number(row.count);
  if (count > max) throw problem(429, `Too many attempts; try again in ${windowSeconds} seconds.`, { retryAfter: windowSeconds });
}
