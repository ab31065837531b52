import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/index.js';
import { problem } from '../errors/index.js';

/** Adds one hit to a key's fixed window, in the database, and returns the window's count so far. */
async function hit(db: Db, key: string, windowSeconds: number): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count::int as count`);
  return Number(row.count);
}

const tooMany = (windowSeconds: number) => problem(429, `Too many attempts; try again in ${windowSeconds} seconds.`, { retryAfter: windowSeconds });

/**
 * Counts hits per key in a fixed window, in the database, so the limit holds across every node.
 * Throws 429 with `retryAfter` when the key is over its limit.
 */
export async function rateLimit(db: Db, key: string, max: number, windowSeconds: number): Promise<void> {
  if ((await hit(db, key, windowSeconds)) > max) throw tooMany(windowSeconds);
}

/**
 * Counts one attempt against every key at once (e.g. an account and an address) and throws 429
 * if any is over its limit. The hit is taken before the attempt is judged, so a flood of
 * parallel guesses is counted as it arrives; `refundHits` takes it back when the attempt
 * turns out to be legitimate (a right password), so only failures add up.
 */
export async function rateLimitAll(db: Db, limits: { key: string; max: number }[], windowSeconds: number): Promise<void> {
  let over = false;
  for (const { key, max } of limits) if ((await hit(db, key, windowSeconds)) > max) over = true;
  if (over) throw tooMany(windowSeconds);
}

/** Takes back one hit from each key (see `rateLimitAll`). */
export async function refundHits(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) await queryRows(db, sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key} returning key`);
}

/**
 * The part of a client address that one client controls: the address itself for IPv4, its /64
 * for IPv6 (a single customer line usually gets a whole /64, so counting per address would give
 * an attacker 2^64 buckets).
 */
export function addressBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
