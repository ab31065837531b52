/**
 * Shared by the fault tests: the built server as a real process (what `npm start` runs), free
 * ports, scratch PostgreSQL databases, and an SMTP load that records which messages got 250.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { SmtpTestClient } from '../../src/channels/email/testing/smtp-client.js';

export const root = join(import.meta.dirname, '../..');

/** Builds dist/server when missing or older than the sources (as `npm start` does). */
export async function buildServer(): Promise<void> {
  const { buildAll } = (await import(pathToFileURL(join(root, 'scripts/build.mjs')).href)) as { buildAll: (o: object) => Promise<unknown> };
  await buildAll({ ifStale: true, only: 'server' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export const serverUrl = () => `postgres://${process.env.PGUSER ?? process.env.USER ?? 'root'}@127.0.0.1:5432`;

/** A fresh database on the shared test server; `drop` removes it (forcing out any connection). */
export async function scratchDatabase(prefix: string, server = serverUrl(), adminDb = 'test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${server}/${adminDb}` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: `${server}/${name}`,
    drop: async () => {
      const c = new pg.Client({ connectionString: `${server}/${adminDb}` });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Node {
  child: ChildProcess;
  port: number;
  smtpPort: number;
  url: string;
  output(): string;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the process gets no chance to finish anything. */
  kill(): Promise<void>;
}

export const adminLogin = { email: 'boss@test.example', password: 'boss-password-1' };

/** Starts `dist/server/main.js` and resolves once it listens for HTTP and SMTP (rejects if it exits first). */
export function startNode(env: Record<string, string>, options: { port?: number; smtpPort?: number } = {}): Promise<Node> {
  return (async () => {
    const port = options.port ?? (await freePort());
    const smtpPort = options.smtpPort ?? (await freePort());
    const child = spawn(process.execPath, ['dist/server/main.js'], {
      cwd: root,
      env: {
        ...process.env, RAPPORT_LOG_LEVEL: 'warn', RAPPORT_DEMO: 'false', RAPPORT_ADMIN_EMAIL: adminLogin.email, RAPPORT_ADMIN_PASSWORD: adminLogin.password,
        PORT: String(port), HOST: '127.0.0.1', RAPPORT_SMTP_PORT: String(smtpPort), RAPPORT_SMTP_HOST: '127.0.0.1', ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const node: Node = {
      child, port, smtpPort, url: `http://127.0.0.1:${port}`, output: () => output,
      async stop() {
        if (child.exitCode !== null || child.signalCode) return;
        child.kill('SIGTERM');
        await exited;
      },
      async kill() {
        if (child.exitCode !== null || child.signalCode) return;
        child.kill('SIGKILL');
        await exited;
      },
    };
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output += d.toString();
        if (output.includes('Rapport is running') && output.includes('Receiving email by SMTP')) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => reject(new Error(`node exited (${code ?? signal}) before listening:\n${output}`)));
    });
    return node;
  })();
}

/** Signs in over HTTP and returns the Cookie header. */
export async function login(url: string, email = adminLogin.email, password = adminLogin.password): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export async function api(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

/** A plain customer email with a known Message-ID and subject, so the test can find it again. */
export const loadMail = (tag: string, i: number) =>
  `From: Customer ${i % 50} <customer${i % 50}@load.example>\r\nTo: support@example.com\r\nSubject: ${tag} ${i}\r\nMessage-ID: <${tag}.${i}@load.example>\r\n` +
  `Date: ${new Date().toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMessage ${i} of the ${tag} load.\r\n`;

/**
 * Sends the given message numbers over `sessions` concurrent SMTP sessions and records each
 * answer; a session that loses its connection (a killed node) leaves the message unanswered and
 * reconnects, until `stopWhen` says stop. Never throws.
 */
export async function smtpLoad(
  port: number,
  numbers: number[],
  raw: (i: number) => string,
  options: { sessions?: number; onReply?: (i: number, code: number) => void; stopWhen?: () => boolean } = {},
): Promise<{ acked: Set<number>; refused: Map<number, number>; unanswered: Set<number> }> {
  const acked = new Set<number>();
  const refused = new Map<number, number>();
  const unanswered = new Set<number>();
  const queue = [...numbers];
  async function session() {
    let client: SmtpTestClient | null = null;
    while (queue.length && !options.stopWhen?.()) {
      const i = queue.shift()!;
      try {
        if (!client) {
          client = (await SmtpTestClient.connect(port)).client;
          await client.command('EHLO load.example');
        }
        const reply = await client.send(`customer${i % 50}@load.example`, ['support@example.com'], raw(i));
        if (reply.code === 250) acked.add(i);
        else refused.set(i, reply.code);
        options.onReply?.(i, reply.code);
      } catch {
        unanswered.add(i);
        await client?.quit().catch(() => undefined);
        client = null;
        if (options.stopWhen?.()) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    await client?.quit().catch(() => undefined);
    for (const i of queue.splice(0)) unanswered.add(i);
  }
  await Promise.all(Array.from({ length: options.sessions ?? 8 }, session));
  return { acked, refused, unanswered };
}
