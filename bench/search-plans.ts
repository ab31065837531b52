/**
 * Times both ticket-search strategies (issue 12) on a loaded database, word by word, with and
 * without the open-status filter, and prints which one `chooseSearchStrategy` would pick and the
 * planner's hit estimate it decides on. Run after `npm run bench` loaded the data:
 *   npx tsx bench/search-plans.ts --database postgres://…  [--words printer,31,zx4242]
 */
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { openDatabase, queryRows } from '../src/db/client.js';
import { chooseSearchStrategy, listTickets, type SearchStrategy } from '../src/tickets/store.js';

const { values: args } = parseArgs({ options: { database: { type: 'string' }, 'data-dir': { type: 'string', default: './data-bench' }, words: { type: 'string', default: 'printer,spindle,31,line 31,zx4242,zx42,nothinghere' } } });
const database = await openDatabase({ databaseUrl: args.database, dataDir: args['data-dir'], poolSize: 2 });
const { db } = database;
const open = ['new', 'open', 'pending', 'on_hold'];

/** Best of three runs (a walk over 3 s runs once), and how many rows the page had. */
async function time(q: string, strategy: SearchStrategy, status?: string[]): Promise<string> {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 3 && !(times[0] > 3000); i++) {
    const started = performance.now();
    n = (await listTickets(db, { q, status, searchStrategy: strategy }, 'updated_desc', 25)).length;
    times.push(performance.now() - started);
  }
  return `${Math.min(...times).toFixed(0)} ms (${n})`;
}

console.log('| q | estimated hits (subject + messages) | chosen | index | walk | index, open only | walk, open only |');
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const q of args.words.split(',')) {
  const plan = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) select ticket_id from messages where to_tsvector('simple', body_text) @@ plainto_tsquery('simple', ${q})
    union all select id from tickets where to_tsvector('simple', subject) @@ plainto_tsquery('simple', ${q})`);
  const raw = plan[0]['QUERY PLAN'];
  const rows = ((typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[])[0].Plan['Plan Rows'];
  const chosen = await chooseSearchStrategy(db, q);
  console.log(`| ${q} | ${rows} | ${chosen} | ${await time(q, 'index')} | ${await time(q, 'walk')} | ${await time(q, 'index', open)} | ${await time(q, 'walk', open)} |`);
}
await database.close();
process.exit(0);
