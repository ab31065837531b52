/**
 * Inbound email throughput: emails per second through a real SMTP session into tickets, with
 * threading, on PGlite (a fresh data folder on disk) or PostgreSQL (a scratch database created
 * and dropped here).
 *
 *   npx tsx bench/email-ingest.ts [--emails 2000] [--connections 4] [--database postgres://user@127.0.0.1:5432/postgres]
 *
 * Phase 1 sends new conversations (one ticket each, a new contact each); phase 2 sends replies
 * that thread by In-Reply-To/References to phase-1 messages; phase 3 replies that carry only the
 * ticket tag in the subject (headers lost). Each SMTP session sends its share back to back, as
 * an MTA does; a message counts when the server answers 250, which it does only after commit.
 * At the end every ticket's message count is checked, so a fast wrong answer cannot pass.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { startEmailReceiver } from '../src/channels/email/listener.js';
import { createMailbox } from '../src/channels/email/store.js';
import { SmtpTestClient } from '../src/channels/email/testing/smtp-client.js';
import { loadConfig } from '../src/config.js';
import { queryRows } from '../src/db/client.js';
import { startRapport } from '../src/server.js';
import { createTeam } from '../src/users/store.js';

const { values: args } = parseArgs({
  options: {
    emails: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '4' },
    database: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  console.log('npx tsx bench/email-ingest.ts [--emails 2000] [--connections 4] [--database postgres://user@host:5432/postgres]');
  process.exit(0);
}

const total = Number(args.emails);
const connections = Number(args.connections);
const newCount = Math.round(total * 0.5);
const headerReplies = Math.round(total * 0.35);
const subjectReplies = total - newCount - headerReplies;

// ── database: a fresh PGlite folder, or a scratch PostgreSQL database ───────────
let scratchUrl: string | undefined;
let dropScratch = async () => {};
let dataDir: string | undefined;
if (args.database) {
  const name = `rapport_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: args.database });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(args.database);
  u.pathname = `/${name}`;
  scratchUrl = u.toString();
  dropScratch = async () => {
    const c = new pg.Client({ connectionString: args.database });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-email-'));
}

const config = loadConfig({
  ...(scratchUrl ? { DATABASE_URL: scratchUrl } : { RAPPORT_DATA_DIR: dataDir! }),
  RAPPORT_DEMO: 'false',
  RAPPORT_JOBS: 'false',
  RAPPORT_ADMIN_EMAIL: 'bench@bench.example',
  RAPPORT_ADMIN_PASSWORD: 'bench-password',
  RAPPORT_LOG_LEVEL: 'error',
  RAPPORT_PUBLIC_URL: 'https://help.bench.example',
});
const rapport = await startRapport(config, { logger: false });
const { db } = rapport.ctx;
const team = await createTeam(db, { name: 'Bench', email: 'support@bench.example' });
await createMailbox(db, { address: 'support@bench.example', name: 'Bench Support', teamId: team.id });
const receiver = await startEmailReceiver(rapport.ctx, { port: 0, host: '127.0.0.1' });

// ── messages ────────────────────────────────────────────────────────────────────
const subjects = ['Pompa przecieka', 'Spindel überhitzt', 'תקלה במשאבה', 'ポンプの水漏れ', 'Printer offline', 'Alarm 4031 again'];
const bodies = [
  'Dzień dobry,\n\npompa przecieka od rana. Proszę o pilny kontakt.\n\nPozdrawiam',
  'Guten Tag,\n\ndie Spindel überhitzt nach zwei Stunden Betrieb (Alarm 4031).\n\nMit freundlichen Grüßen',
  'שלום,\n\nהמשאבה דולפת מהבוקר. אשמח לחזרה דחופה.\n\nתודה',
  'お世話になっております。\n\nポンプから水が漏れています。至急ご対応をお願いいたします。',
];
const runId = randomBytes(3).toString('hex');
const msgId = (i: number) => `bench.${runId}.${i}@customer.bench.example`;
function message(i: number, headers: string, subject: string, from: string): string {
  return [
    `From: Customer ${i} <${from}>`,
    'To: Bench Support <support@bench.example>',
    `Subject: ${subject}`,
    `Message-ID: <${msgId(i)}>`,
    `Date: ${new Date().toUTCString()}`,
    headers,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `${bodies[i % bodies.length]}\n\nOn Mon, 5 Jan 2026 at 10:00, Support <support@bench.example> wrote:\n> Earlier message ${i}\n> quoted for context`,
    '',
  ]
    .filter((l) => l !== null)
    .join('\r\n');
}
const sender = (i: number) => `customer${i}.${runId}@c${i % 50}.bench.example`;

/** Sends messages over `connections` parallel SMTP sessions; returns per-message latencies (ms). */
async function sendAll(items: { raw: string; from: string }[]): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, items.length) }, async () => {
      const { client } = await SmtpTestClient.connect(receiver.port);
      await client.command('EHLO bench.example');
      for (let i = next++; i < items.length; i = next++) {
        const t0 = performance.now();
        const reply = await client.send(items[i].from, ['support@bench.example'], items[i].raw);
        if (reply.code !== 250) throw new Error(`message ${i}: ${reply.code} ${reply.text}`);
        latencies.push(performance.now() - t0);
      }
      await client.quit();
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const report = (label: string, n: number, r: { seconds: number; latencies: number[] }) =>
  console.log(`${label.padEnd(34)} ${String(n).padStart(6)} emails  ${(n / r.seconds).toFixed(1).padStart(7)} emails/s   p50 ${pct(r.latencies, 50).toFixed(1)} ms  p95 ${pct(r.latencies, 95).toFixed(1)} ms`);

console.log(`Email ingest on ${rapport.ctx.database.kind}: ${total} emails over ${connections} SMTP sessions (Node ${process.version})`);

const phase1 = await sendAll(Array.from({ length: newCount }, (_, i) => ({ raw: message(i, '', `${subjects[i % subjects.length]} #${i}`, sender(i)), from: sender(i) })));
report('new conversations (new tickets)', newCount, phase1);

const phase2 = await sendAll(
  Array.from({ length: headerReplies }, (_, k) => {
    const i = newCount + k;
    const parent = k % newCount;
    return {
      raw: message(i, `In-Reply-To: <${msgId(parent)}>\r\nReferences: <${msgId(parent)}>`, `Re: ${subjects[parent % subjects.length]} #${parent}`, sender(parent)),
      from: sender(parent),
    };
  }),
);
report('replies threaded by headers', headerReplies, phase2);

const numbers = new Map(
  (await queryRows<{ external_id: string; number: number }>(db, sql`
    select cm.external_id, t.number from channel_messages cm join tickets t on t.id = cm.ticket_id
    where cm.channel = 'email' and cm.direction = 'inbound' and cm.external_id like ${`bench.${runId}.%`}`)).map((r) => [r.external_id, Number(r.number)]),
);
const phase3 = await sendAll(
  Array.from({ length: subjectReplies }, (_, k) => {
    const i = newCount + headerReplies + k;
    const parent = k % newCount;
    return { raw: message(i, '', `AW: ${subjects[parent % subjects.length]} [#${numbers.get(msgId(parent))}]`, sender(parent)), from: sender(parent) };
  }),
);
report('replies threaded by subject tag', subjectReplies, phase3);
const all = { seconds: phase1.seconds + phase2.seconds + phase3.seconds, latencies: [...phase1.latencies, ...phase2.latencies, ...phase3.latencies] };
report('all', total, all);

// ── correctness: every reply on its parent's ticket ─────────────────────────────
const [counts] = await queryRows<{ tickets: number; messages: number; max: number }>(db, sql`
  select count(distinct ticket_id)::int as tickets, count(*)::int as messages, max(n)::int as max
  from (select ticket_id, count(*) over (partition by ticket_id) as n from channel_messages where channel = 'email' and direction = 'inbound') x`);
const expectedPerTicket = (p: number) => 1 + Math.floor((headerReplies - 1 - p) / newCount + 1) + Math.floor((subjectReplies - 1 - p) / newCount + 1);
const ok = counts.tickets === newCount && counts.messages === total;
console.log(`check: ${counts.tickets} tickets (expected ${newCount}), ${counts.messages} messages (expected ${total}), busiest ticket ${counts.max} messages (expected ${expectedPerTicket(0)}) → ${ok ? 'OK' : 'WRONG'}`);

await receiver.close();
await rapport.stop();
await dropScratch();
if (dataDir) rmSync(dataDir, { recursive: true, force: true });
if (!ok) process.exit(1);
