import { sql } from 'drizzle-orm';
import { loadSecretKeys, secretBox } from './secrets/index.js';
import { capabilities } from './capabilities.js';
import type { Config } from './config.js';
import { openDatabase, queryRows } from './db/index.js';
import { seedDemo, type DemoSummary } from './demo/index.js';
import { buildApp, realtimeRoutes, Registry, type App, type AppContext } from './http/index.js';
import { JobRunner } from './jobs/index.js';
import { RealtimeHub } from './realtime/index.js';
import { ensureFirstAdmin, resolveActor, sessionCookie } from './users/index.js';

export interface Rapport {
  app: App;
  ctx: AppContext;
  firstAdmin: { email: string; password: string | null } | null;
  demo: DemoSummary | null;
  stop(): Promise<void>;
}

/**
 * The composition root. Builds one app context (database, jobs, realtime hub, registry), lets
 * every capability fill the registry and its job handlers, registers every capability's routes,
 * then starts them: migrations, the first admin, demo data on first start. Nothing else in
 * Rapport knows the list of capabilities, and nothing is kept in module state, so two apps in
 * one process (the tests start many) share nothing. Everything but the listening socket.
 */
export async function startRapport(config: Config, options: { logger?: boolean | object; dataDir?: string; demoTicketsPerOrganisation?: number } = {}): Promise<Rapport> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
  const db = database.db;
  const realtime = new RealtimeHub(database);
  await realtime.start();
  const jobs = new JobRunner(db);
  const secretKeys = loadSecretKeys(config.env, options.dataDir ?? config.dataDir);
  const ctx: AppContext = { config, database, db, jobs, realtime, registry: new Registry(), secrets: secretBox(secretKeys.keys) };
  const stops: (() => Promise<void>)[] = [];
  try {
    for (const capability of capabilities) capability.register?.(ctx);
    const app = await buildApp(ctx, {
      logger: options.logger,
      sessionCookie,
      authenticate: (credentials) => resolveActor(db, credentials),
      routes: [realtimeRoutes, ...capabilities.flatMap((c) => (c.routes ? [c.routes] : []))],
    });
    if (secretKeys.source === 'key-file' && database.kind === 'postgres') {
      app.log.warn('RAPPORT_SECRET_KEYS is not set: stored secrets are sealed with this node\'s key file; set the same RAPPORT_SECRET_KEYS on every node.');
    }
    const firstAdmin = await ensureFirstAdmin(db, config.adminEmail, config.adminPassword);
    for (const capability of capabilities) {
      const stop = await capability.start?.(ctx);
      if (stop) stops.push(stop);
    }
    let demo: DemoSummary | null = null;
    if (config.demo) {
      // Seed once: a marker in settings, so a restart (or a second node) never seeds twice.
      const [seeded] = await queryRows<{ key: string }>(db, sql`insert into settings (key, value) values ('demo_seeded', 'true'::jsonb) on conflict do nothing returning key`);
      if (seeded) {
        demo = await seedDemo(ctx, { ticketsPerOrganisation: options.demoTicketsPerOrganisation });
        for (const capability of capabilities) await capability.seedDemo?.(ctx);
      }
    }
    if (config.jobs) jobs.start();
    await app.ready();
    return {
      app, ctx, firstAdmin, demo,
      async stop() {
        await jobs.stop();
        for (const stop of stops.reverse()) await stop().catch(() => {});
        await app.close();
        await realtime.stop();
        await database.close();
      },
    };
  } catch (err) {
    await jobs.stop();
    await database.close();
    throw err;
  }
}
