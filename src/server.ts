import { sql } from 'drizzle-orm';
import { capabilities } from './capabilities.js';
import type { Config } from './config.js';
import { openDatabase, queryRows } from './db/client.js';
import { buildApp } from './http/app.js';
import type { App, AppContext } from './http/context.js';
import { JobRunner } from './jobs/queue.js';
import { RealtimeHub } from './realtime/hub.js';
import { seedDemo, type DemoSummary } from './demo/seed.js';
import { ensureFirstAdmin } from './users/bootstrap.js';

export interface Rapport {
  app: App;
  ctx: AppContext;
  firstAdmin: { email: string; password: string | null } | null;
  demo: DemoSummary | null;
  stop(): Promise<void>;
}

/**
 * Starts everything but the listening socket: database and migrations, the first admin, demo
 * data on first start, the realtime hub, job handlers and each capability. Tests use this too.
 */
export async function startRapport(config: Config, options: { logger?: boolean | object; dataDir?: string; demoTicketsPerOrganisation?: number } = {}): Promise<Rapport> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
  const db = database.db;
  const realtime = new RealtimeHub(database);
  await realtime.start();
  const jobs = new JobRunner(db);
  const ctx: AppContext = { config, database, db, jobs, realtime };
  const stops: (() => Promise<void>)[] = [];
  try {
    const app = await buildApp(ctx, { logger: options.logger });
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
