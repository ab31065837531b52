import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs the compiled server (`dist/server/main.js`, what `npm start` runs) as a real process; resolves once it prints its URL (or exits). */
function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; output: string; exitCode: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: root, env: { ...process.env, RAPPORT_LOG_LEVEL: 'warn', RAPPORT_JOBS: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Rapport is running')) resolve({ child, output, exitCode: null });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => resolve({ child, output, exitCode: code }));
  });
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function login(port: number, email: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

// The real artifact: built here when missing or older than the sources (half a second), as `npm start` does.
beforeAll(async () => {
  const { buildAll } = (await import(pathToFileURL(join(root, 'scripts/build.mjs')).href)) as { buildAll: (o: object) => Promise<unknown> };
  await buildAll({ ifStale: true, only: 'server' });
}, 60_000);

afterAll(async () => {
  for (const c of children) await stopProcess(c);
});

describe('running Rapport as processes', () => {
  // Three real process starts: a minute or more on a loaded 2-core machine.
  it('embedded: a second process on the same data folder refuses to start; a restart keeps the data', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-data-'));
    try {
      const port = await freePort();
      const env = { RAPPORT_DATA_DIR: dataDir, RAPPORT_DEMO: 'false', RAPPORT_ADMIN_EMAIL: 'boss@test.example', RAPPORT_ADMIN_PASSWORD: 'boss-password' };
      const first = await startProcess({ ...env, PORT: String(port) });
      expect(first.exitCode).toBeNull();
      expect(first.output).toContain('database: pglite');

      const second = await startProcess({ ...env, PORT: String(await freePort()) });
      expect(second.exitCode).toBe(2);
      expect(second.output).toMatch(/in use by another Rapport process/);

      const cookie = await login(port, 'boss@test.example', 'boss-password');
      const created = await fetch(`http://127.0.0.1:${port}/api/v1/tickets`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ subject: 'Survives restarts', body: 'kept' }),
      });
      expect(created.status).toBe(201);
      const ticket = (await created.json()) as { id: string };
      await stopProcess(first.child);

      const again = await startProcess({ ...env, PORT: String(port) });
      expect(again.exitCode).toBeNull();
      expect(again.output).not.toContain('First admin'); // not re-created
      const cookie2 = await login(port, 'boss@test.example', 'boss-password');
      const read = await fetch(`http://127.0.0.1:${port}/api/v1/tickets/${ticket.id}`, { headers: { cookie: cookie2 } });
      expect(((await read.json()) as { subject: string }).subject).toBe('Survives restarts');
      await stopProcess(again.child);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('postgres: two processes on one database serve the same data', { timeout: 180_000 }, async () => {
    const server = `postgres://${process.env.PGUSER ?? process.env.USER ?? 'root'}@127.0.0.1:5432`;
    const name = `rapport_proc_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: `${server}/test` });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const env = { DATABASE_URL: `${server}/${name}`, RAPPORT_ADMIN_EMAIL: 'boss@test.example', RAPPORT_ADMIN_PASSWORD: 'boss-password' };
      const [portA, portB] = [await freePort(), await freePort()];
      // Started together: migrations run once under an advisory lock.
      const [a, b] = await Promise.all([startProcess({ ...env, PORT: String(portA) }), startProcess({ ...env, PORT: String(portB) })]);
      expect(a.exitCode, a.output).toBeNull();
      expect(b.exitCode, b.output).toBeNull();
      expect(a.output).toContain('database: postgres');
      const cookieA = await login(portA, 'boss@test.example', 'boss-password');
      const created = await fetch(`http://127.0.0.1:${portA}/api/v1/tickets`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie: cookieA }, body: JSON.stringify({ subject: 'Written on node A', body: 'x' }),
      });
      const ticket = (await created.json()) as { id: string };
      // The session made on node A is valid on node B: sessions live in the database.
      const read = await fetch(`http://127.0.0.1:${portB}/api/v1/tickets/${ticket.id}`, { headers: { cookie: cookieA } });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { subject: string }).subject).toBe('Written on node A');
      // Both started on an empty database, yet exactly one first admin exists.
      const direct = new pg.Client({ connectionString: env.DATABASE_URL });
      await direct.connect();
      const admins = await direct.query(`select count(*)::int as n from users where role = 'admin'`);
      await direct.end();
      expect(admins.rows[0].n).toBe(1);
      await stopProcess(a.child);
      await stopProcess(b.child);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
