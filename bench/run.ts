import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { queryRows } from '../src/db/client.js';
import { encodeCursor } from '../src/http/pagination.js';
import { startRapport } from '../src/server.js';
import { generateBenchContacts, generateBenchData } from './generate.js';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    messages: { type: 'string', default: '10' },
    contacts: { type: 'string', default: '0' }, // extra contacts for the type-ahead (beyond the 10,000 the tickets use)
    only: { type: 'string' }, // comma-separated scenario keys (e.g. search-common,typeahead)
    database: { type: 'string' }, // postgres URL; PGlite when absent
    'data-dir': { type: 'string', default: './data-bench' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'skip-load': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--tickets 100000] [--messages 10] [--contacts 0] [--only key,key] [--database postgres://…] [--data-dir ./data-bench] [--seconds 10] [--connections 10] [--skip-load]
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
const wantedContacts = Number(args.contacts);
const [{ people }] = await queryRows<{ people: number }>(db, sql`select count(*)::int as people from contacts where name like 'Bench person %'`);
if (!args['skip-load'] && people < wantedContacts) {
  console.log(`Loading ${wantedContacts - people} contacts…`);
  await generateBenchContacts(db, wantedContacts - people);
}
const [{ total, open, messages, contactCount }] = await queryRows<{ total: number; open: number; messages: number; contactCount: number }>(db, sql`
  select (select count(*) from tickets)::int as total, (select count(*) from contacts)::int as "contactCount",
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

// Search terms: every generated ticket's conversation names each of the ten words (a common word
// matches every ticket; in subjects, one ticket in ten), a number from 11 to 39 is in the subject
// of one ticket in 40 (6,250 at 250k), and `zx<n>` is on ~1 ticket in 5,000.
// Type-ahead: a family name shared by a few dozen of the generated people, and a common prefix.
const allScenarios: { key: string; name: string; path: string; method?: 'GET' | 'POST'; body?: string }[] = [
  { key: 'queue', name: 'open queue, first page (50)', path: '/api/v1/tickets?status=new,open,pending,on_hold&limit=50' },
  { key: 'queue-deep', name: 'open queue, page 200 (cursor)', path: `/api/v1/tickets?status=new,open,pending,on_hold&limit=50&cursor=${deepCursor}` },
  { key: 'mine', name: 'my open tickets', path: '/api/v1/tickets?status=new,open,pending,on_hold&assigneeId=me&limit=50' },
  { key: 'ticket', name: 'open a ticket', path: `/api/v1/tickets/${sample.id}` },
  { key: 'conversation', name: 'ticket conversation', path: `/api/v1/tickets/${sample.id}/messages` },
  { key: 'search-rare', name: 'text search, rare word (zx4242)', path: '/api/v1/tickets?q=zx4242&limit=25' },
  { key: 'search-mid', name: 'text search, 2.5% of tickets (31)', path: '/api/v1/tickets?q=31&limit=25' },
  { key: 'search-common', name: 'text search, common word (printer)', path: '/api/v1/tickets?q=printer&limit=25' },
  { key: 'search-common-open', name: 'text search, common word, open only', path: '/api/v1/tickets?q=spindle&status=new,open,pending,on_hold&limit=25' },
  { key: 'typeahead', name: 'contact type-ahead, rare (kotaro)', path: '/api/v1/contacts?q=kotaro&limit=10' },
  { key: 'typeahead-common', name: 'contact type-ahead, common (bench)', path: '/api/v1/contacts?q=bench&limit=10' },
  { key: 'create', name: 'create a ticket', path: '/api/v1/tickets', method: 'POST', body: JSON.stringify({ subject: 'Bench created', body: 'Created by the benchmark', contactId: contact[0].id }) },
];
const only = args.only?.split(',');
const scenarios = only ? allScenarios.filter((s) => only.includes(s.key)) : allScenarios;

console.log(`\nRapport benchmark — ${rapport.ctx.database.kind}, ${total.toLocaleString('en')} tickets (${open.toLocaleString('en')} open), ${messages.toLocaleString('en')} messages, ${contactCount.toLocaleString('en')} contacts; ${args.connections} connections × ${args.seconds} s each; node ${process.version}\n`);
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
