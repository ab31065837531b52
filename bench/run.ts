import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { queryRows } from '../src/db/client.js';
import { encodeCursor } from '../src/http/pagination.js';
import { startRapport } from '../src/server.js';
import { generateBenchData } from './generate.js';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '10' },
    database: { type: 'string' }, // postgres URL; PGlite when absent
    'data-dir': { type: 'string', default: './data-bench' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'skip-load': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--tickets 100000] [--messages 10] [--database postgres://…] [--data-dir ./data-bench] [--seconds 10] [--connections 10] [--skip-load]
Loads N tickets (skip with --skip-load on a loaded database), starts Rapport on it, and prints p50/p95 latency and requests/s
for the open queue (first and a deep page), opening a ticket, its conversation, creating a ticket and text search.`);
  process.exit(0);
}

const tickets = Number(args.tickets);
const config = loadConfig({
  ...(args.database ? { DATABASE_URL: args.database } : {}),
  RAPPORT_DATA_DIR: args['data-dir'],
  RAPPORT_DEMO: 'false',
  RAPPORT_JOBS: 'false',
  RAPPORT_ADMIN_EMAIL: 'bench@bench.example',
  RAPPORT_ADMIN_PASSWORD: 'bench-password',
  RAPPORT_LOG_LEVEL: 'error',
});

const rapport = await startRapport(config, { logger: false });
const { db } = rapport.ctx;
const [{ existing }] = await queryRows<{ existing: number }>(db, sql`select count(*)::int as existing from tickets`);
if (!args['skip-load'] && existing < tickets) {
  console.log(`Loading ${tickets - existing} tickets × ${args.messages} messages into ${rapport.ctx.database.kind}…`);
  await generateBenchData(db, tickets - existing, Number(args.messages));
}
const [{ total, open, messages }] = await queryRows<{ total: number; open: number; messages: number }>(db, sql`
  select (select count(*) from tickets)::int as total,
         (select count(*) from tickets where status in ('new','open','pending','on_hold'))::int as open,
         (select count(*) from messages)::int as messages`);

const address = await rapport.app.listen({ port: 0, host: '127.0.0.1' });
const login = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.example', password: 'bench-password' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];

// A cursor 10,000 rows deep into the open queue: what "load more" reaches after 200 pages.
const [deep] = await queryRows<{ updated_at: string; id: string }>(db, sql`
  select updated_at, id from tickets where status in ('new','open','pending','on_hold') and merged_into_id is null
  order by updated_at desc, id desc offset ${Math.min(10_000, Math.max(0, open - 60))} limit 1`);
const deepCursor = encodeCursor([new Date(deep.updated_at).toISOString(), deep.id]);
const [sample] = await queryRows<{ id: string }>(db, sql`select id from tickets where number = ${Math.floor(total / 2)}`);
const contact = await queryRows<{ id: string }>(db, sql`select id from contacts limit 1`);

const scenarios: { name: string; path: string; method?: 'GET' | 'POST'; body?: string }[] = [
  { name: 'open queue, first page (50)', path: '/api/v1/tickets?status=new,open,pending,on_hold&limit=50' },
  { name: 'open queue, page 200 (cursor)', path: `/api/v1/tickets?status=new,open,pending,on_hold&limit=50&cursor=${deepCursor}` },
  { name: 'my open tickets', path: '/api/v1/tickets?status=new,open,pending,on_hold&assigneeId=me&limit=50' },
  { name: 'open a ticket', path: `/api/v1/tickets/${sample.id}` },
  { name: 'ticket conversation', path: `/api/v1/tickets/${sample.id}/messages` },
  { name: 'text search (rare code)', path: '/api/v1/tickets?q=zx4242&limit=25' },
  { name: 'create a ticket', path: '/api/v1/tickets', method: 'POST', body: JSON.stringify({ subject: 'Bench created', body: 'Created by the benchmark', contactId: contact[0].id }) },
];

console.log(`\nRapport benchmark — ${rapport.ctx.database.kind}, ${total.toLocaleString('en')} tickets (${open.toLocaleString('en')} open), ${messages.toLocaleString('en')} messages; ${args.connections} connections × ${args.seconds} s each; node ${process.version}\n`);
console.log('| scenario | requests/s | p50 ms | p95 ms | p99 ms | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
/** Exact percentile of the observed response times (autocannon's summary has no p95). */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

for (const s of scenarios) {
  const times: number[] = [];
  const instance = autocannon({
    url: `${address}${s.path}`,
    method: s.method ?? 'GET',
    body: s.body,
    headers: { cookie, 'content-type': 'application/json' },
    connections: Number(args.connections),
    duration: Number(args.seconds),
  }) as unknown as Promise<autocannon.Result> & import('node:events').EventEmitter;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const errors = result.errors + result.non2xx;
  const f = (n: number) => n.toFixed(1);
  console.log(`| ${s.name} | ${Math.round(result.requests.average)} | ${f(percentile(times, 50))} | ${f(percentile(times, 95))} | ${f(percentile(times, 99))} | ${errors} |`);
}
const mem = process.memoryUsage();
console.log(`\nmemory: rss ${Math.round(mem.rss / 1048576)} MiB, heap used ${Math.round(mem.heapUsed / 1048576)} MiB`);
await rapport.stop();
process.exit(0);
