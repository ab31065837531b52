import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { startRapport, type Rapport } from '../../src/server.js';

export type DatabaseKind = 'pglite' | 'postgres';
/** Integration tests run on both engines; a missing PostgreSQL is a failure, not a skip. */
export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

export const adminCredentials = { email: 'admin@test.example', password: 'admin-password-1' };

const serverUrl = () => process.env.RAPPORT_TEST_DATABASE_URL ?? `postgres://${process.env.PGUSER ?? process.env.USER ?? 'root'}@127.0.0.1:5432/test`;

/** A fresh, empty PostgreSQL database for one test file, dropped by `stop()`. */
async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rapport_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestRapport extends Rapport {
  kind: DatabaseKind;
  /** Signs in and returns the Cookie header to send with `inject`. */
  login(email: string, password?: string): Promise<string>;
  /** `app.inject` as a signed-in user, returning status and parsed JSON. */
  as(cookie: string): (method: string, url: string, payload?: unknown) => Promise<{ status: number; body: any; headers: Record<string, any> }>;
}

/**
 * Starts Rapport in-process on a fresh database of the given kind (in-memory PGlite, or a scratch
 * PostgreSQL database), with jobs not polling (tests run them with `ctx.jobs.runDue()`).
 */
export async function startTestRapport(
  kind: DatabaseKind,
  options: { demo?: boolean; env?: Record<string, string>; /** demo tickets per organisation; small by default to keep tests quick */ demoTicketsPerOrganisation?: number } = {},
): Promise<TestRapport> {
  const scratch = kind === 'postgres' ? await createScratchDatabase() : null;
  const config: Config = loadConfig({
    RAPPORT_DEMO: options.demo ? 'true' : 'false',
    RAPPORT_JOBS: 'false',
    RAPPORT_ADMIN_EMAIL: adminCredentials.email,
    RAPPORT_ADMIN_PASSWORD: adminCredentials.password,
    RAPPORT_LOG_LEVEL: 'silent',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
    ...options.env,
  });
  const rapport = await startRapport(config, { logger: false, dataDir: 'memory://', demoTicketsPerOrganisation: options.demoTicketsPerOrganisation ?? 6 });
  const inject = (cookie: string) => async (method: string, url: string, payload?: unknown) => {
    const res = await rapport.app.inject({ method: method as any, url, payload: payload as any, headers: cookie ? { cookie } : {} });
    let body: any = res.body;
    try {
      body = res.json();
    } catch {
      // not JSON (e.g. an attachment download)
    }
    return { status: res.statusCode, body, headers: res.headers };
  };
  return {
    ...rapport,
    kind,
    async login(email, password = 'demo1234') {
      const res = await rapport.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'rapport_session');
      return `rapport_session=${cookie!.value}`;
    },
    as: inject,
    async stop() {
      await rapport.stop();
      await scratch?.drop();
    },
  };
}
