import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { lockDataFolder } from './folder-lock.js';

/**
 * One query type for both drivers: code never knows which engine it runs on. Queries name their
 * tables explicitly (each capability owns its `schema.ts`), so the client carries no schema.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database or an open transaction: stores accept either, so commands compose in one transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Subscribes to a NOTIFY channel (cross-node events). Returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite, and applies migrations. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : await openPglite(options.dataDir ?? './data');
  return database;
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataFolder(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : `${dataDir}/pgdata`, { extensions: { pg_trgm } });
    const db = drizzlePglite(client) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      kind: 'pglite',
      async listen(channel, onPayload) {
        const off = await client.listen(channel, onPayload);
        return async () => off();
      },
      async notify(channel, payload) {
        await client.query('select pg_notify($1, $2)', [channel, payload]);
      },
      async close() {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // JIT compilation pays off for long analytical queries, not for a help desk's short ones: on a
  // search over 10M messages it added ~30 ms of compiling to a 20 ms query. Off for our sessions.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // The pool listens for errors only on idle connections. A connection that is checked out but
  // between queries (inside a transaction, while the handler awaits something else) when the
  // server goes away emits 'error' with no listener, which kills the process. Every connection
  // gets a listener of its own: the query in progress or the next one fails (a 5xx, a 451 for
  // mail), the pool drops the broken connection on release and opens a new one when needed.
  pool.on('connect', (client) => {
    client.on('error', (err) => console.warn(`rapport: a PostgreSQL connection in use was lost (${err.message}); its work fails and is retried by the caller`));
  });
  const db = drizzlePg(pool) as unknown as Db;
  // Several nodes may start at once: one migrates, the others wait on the advisory lock.
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(727274)');
    await migratePg(drizzlePg(lockClient), { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock(727274)').catch(() => {});
    lockClient.release();
  }
  // An idle connection that dies (a PostgreSQL restart, a failover) must not take the node down.
  pool.on('error', (err) => console.warn(`rapport: a PostgreSQL connection was lost (${err.message}); the pool opens a new one when needed`));
  let listener: pg.PoolClient | undefined;
  let closed = false;
  const handlers = new Map<string, Set<(p: string) => void>>();
  /** One connection holds every LISTEN; when it is lost it is re-opened and re-subscribed. */
  async function connectListener(): Promise<pg.PoolClient> {
    const client = await pool.connect();
    client.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
    client.on('error', () => {
      if (listener === client) listener = undefined;
      client.release(true);
      if (!closed && handlers.size) setTimeout(() => void resubscribe(), 1000);
    });
    for (const channel of handlers.keys()) await client.query(`listen "${channel.replace(/"/g, '')}"`);
    return client;
  }
  async function resubscribe() {
    if (closed || listener) return;
    try {
      listener = await connectListener();
    } catch {
      if (!closed) setTimeout(() => void resubscribe(), 5000);
    }
  }
  return {
    db,
    kind: 'postgres',
    async listen(channel, onPayload) {
      const isNew = !handlers.has(channel);
      if (isNew) handlers.set(channel, new Set());
      handlers.get(channel)!.add(onPayload);
      if (!listener) listener = await connectListener();
      else if (isNew) await listener.query(`listen "${channel.replace(/"/g, '')}"`);
      return async () => {
        handlers.get(channel)?.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      // Destroy rather than return the LISTEN connection: a pooled client must not keep subscriptions.
      listener?.release(true);
      listener = undefined;
      await pool.end();
    },
  };
}

/** Quick liveness probe used by the health endpoint and the SMTP receiver. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. Cast numeric aggregates with `::int`. */
export async function queryRows<T>(db: DbOrTx, query: import('drizzle-orm').SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
