/**
 * Issue 10 (faults kept as tests): PostgreSQL restarted under load. The test runs a private
 * cluster (initdb into a temporary folder, as the `postgres` user when run as root, since initdb
 * refuses root), starts a real Rapport node on it and drives ticket creations over the API and
 * mail over SMTP while `pg_ctl restart -m fast` cuts every connection. The node must stay up and
 * serve again by itself, a failed request must fail cleanly (a 5xx/503 answer or a 451 for mail,
 * never a hang), and every write that was acknowledged (201, 250) must be in the database.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpTestClient } from '../../src/channels/email/testing/smtp-client.js';
import { api, buildServer, freePort, loadMail, login, startNode, type Node } from './support.js';

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL tool, as the `postgres` user when we are root. */
function pgTool(tool: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
  return execFileSync(cmd, argv as string[], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
/** The same, without blocking this process: the load keeps running while PostgreSQL restarts. */
function pgToolAsync(tool: string, args: string[]): Promise<void> {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
  return new Promise((resolve, reject) => execFile(cmd, argv as string[], (err) => (err ? reject(err) : resolve())));
}

describe('PostgreSQL restarted under load', () => {
  let dir = '';
  let pgPort = 0;
  let node: Node | undefined;
  let dbUrl = '';

  beforeAll(async () => {
    await buildServer();
    dir = mkdtempSync(join(tmpdir(), 'rapport-pgcluster-'));
    if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    pgPort = await freePort();
    pgTool('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync']);
    pgTool('pg_ctl', ['start', '-w', '-D', join(dir, 'data'), '-l', join(dir, 'log'), '-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`]);
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
    await admin.connect();
    await admin.query('create database rapport');
    await admin.end();
    dbUrl = `postgres://postgres@127.0.0.1:${pgPort}/rapport`;
  }, 180_000);

  afterAll(async () => {
    await node?.kill();
    if (dir) {
      try {
        pgTool('pg_ctl', ['stop', '-m', 'immediate', '-D', join(dir, 'data')]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the node reconnects by itself and keeps every acknowledged write', { timeout: 180_000 }, async () => {
    node = await startNode({ DATABASE_URL: dbUrl });
    const cookie = await login(node.url);
    const team = await api(node.url, cookie, 'POST', '/api/v1/teams', { name: 'Support' });
    await api(node.url, cookie, 'POST', '/api/v1/channels/mailboxes', { address: 'support@example.com', name: 'Support', teamId: team.body.id });

    let running = true;
    let phase: 'before' | 'outage' | 'after' = 'before';
    const tickets: { phase: string; status: number; id?: string; ms: number }[] = [];
    const mails: { phase: string; code: number; i: number }[] = [];
    let n = 0;
    async function apiWorker() {
      while (running) {
        const i = n++;
        const t0 = Date.now();
        const p = phase;
        try {
          const res = await fetch(`${node!.url}/api/v1/tickets`, {
            method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ subject: `restart api ${i}`, body: 'load' }), signal: AbortSignal.timeout(15_000),
          });
          const body = (await res.json().catch(() => ({}))) as { id?: string };
          tickets.push({ phase: p, status: res.status, id: body.id, ms: Date.now() - t0 });
        } catch {
          tickets.push({ phase: p, status: 0, ms: Date.now() - t0 });
        }
      }
    }
    let m = 0;
    async function smtpWorker() {
      let client: SmtpTestClient | null = null;
      while (running) {
        const i = m++;
        const p = phase;
        try {
          if (!client) {
            client = (await SmtpTestClient.connect(node!.smtpPort)).client;
            await client.command('EHLO load.example');
          }
          mails.push({ phase: p, i, code: (await client.send(`customer${i % 50}@load.example`, ['support@example.com'], loadMail('restart', i))).code });
        } catch {
          mails.push({ phase: p, i, code: 0 });
          client = null;
        }
      }
      await client?.quit();
    }
    const workers = [apiWorker(), apiWorker(), apiWorker(), apiWorker(), smtpWorker(), smtpWorker()];
    await new Promise((r) => setTimeout(r, 3_000));
    phase = 'outage';
    const t0 = Date.now();
    await pgToolAsync('pg_ctl', ['restart', '-w', '-m', 'fast', '-D', join(dir, 'data'), '-l', join(dir, 'log'), '-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`]);
    const restartMs = Date.now() - t0;
    // Until the node answers a write again by itself: the recovery time.
    let recoveredMs = -1;
    while (Date.now() - t0 < 60_000) {
      const health = await fetch(`${node.url}/api/health`).then((r) => r.status).catch(() => 0);
      if (health === 200 && tickets.at(-1)?.status === 201) {
        recoveredMs = Date.now() - t0;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    phase = 'after';
    await new Promise((r) => setTimeout(r, 3_000));
    running = false;
    await Promise.all(workers);

    expect(node.child.exitCode, node.output()).toBeNull(); // the node is still running
    const check = new pg.Client({ connectionString: dbUrl });
    await check.connect();
    const ackedTickets = tickets.filter((t) => t.status === 201).map((t) => t.id!);
    const foundTickets = (await check.query('select count(*)::int as n from tickets where id = any($1::uuid[])', [ackedTickets])).rows[0].n as number;
    const ackedMail = mails.filter((x) => x.code === 250).map((x) => `restart.${x.i}@load.example`);
    const foundMail = (await check.query(`select count(distinct external_id)::int as n from channel_messages where channel = 'email' and external_id = any($1)`, [ackedMail])).rows[0].n as number;
    await check.end();

    const count = (list: { phase: string }[], phaseName: string, ok: (x: any) => boolean) => list.filter((x) => x.phase === phaseName && ok(x)).length;
    const apiFailed = tickets.filter((t) => t.status !== 201);
    const mailFailed = mails.filter((x) => x.code !== 250);
    console.log(
      `postgres restart: pg_ctl restart took ${restartMs} ms, node serving writes again ${recoveredMs} ms after it began; ` +
        `API ticket creations ${tickets.length} (before ${count(tickets, 'before', () => true)}, during ${count(tickets, 'outage', () => true)}, after ${count(tickets, 'after', () => true)}), ` +
        `failed ${apiFailed.length} (statuses ${[...new Set(apiFailed.map((t) => t.status))].join(',') || '-'}; after recovery ${count(tickets, 'after', (t) => t.status !== 201)}); ` +
        `SMTP messages ${mails.length}, not accepted ${mailFailed.length} (codes ${[...new Set(mailFailed.map((x) => x.code))].join(',') || '-'}; after recovery ${count(mails, 'after', (x) => x.code !== 250)}); ` +
        `acknowledged and found: tickets ${foundTickets}/${ackedTickets.length}, mail ${foundMail}/${ackedMail.length}; slowest request ${Math.max(...tickets.map((t) => t.ms))} ms`,
    );
    expect(recoveredMs).toBeGreaterThan(0);
    expect(foundTickets).toBe(ackedTickets.length);
    expect(foundMail).toBe(ackedMail.length);
    // Failures are clean answers, not hangs or dropped connections, and none once recovered.
    expect(apiFailed.filter((t) => t.status === 0)).toEqual([]);
    expect(apiFailed.every((t) => t.status === 503)).toBe(true); // "try again", with Retry-After: never a 500
    expect(mailFailed.every((x) => x.code === 451)).toBe(true);
    expect(count(tickets, 'after', (t) => t.status !== 201)).toBe(0);
    expect(count(mails, 'after', (x) => x.code !== 250)).toBe(0);
    expect(count(tickets, 'after', (t) => t.status === 201)).toBeGreaterThan(10);
    // Load really ran through the restart.
    expect(count(tickets, 'before', (t) => t.status === 201)).toBeGreaterThan(10);
    expect(ackedMail.length).toBeGreaterThan(10);
  });
});
