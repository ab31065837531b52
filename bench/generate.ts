import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { queryRows } from '../src/db/client.js';

const words = ['printer', 'spindle', 'scanner', 'login', 'invoice', 'sensor', 'firmware', 'overheating', 'calibration', 'conveyor'];
// A literal array (Drizzle would expand a bound JS array into a tuple); the words are our own constants.
const wordArray = sql.raw(`array[${words.map((w) => `'${w}'`).join(',')}]`);

/**
 * Loads `tickets` tickets with `messagesPerTicket` messages each, as set-based INSERT … SELECT
 * over generate_series (row-by-row inserts would take hours at 1M). About 10% of tickets are
 * open, like a real desk; each carries a rare code `zx<n>` so a text search has a realistic hit
 * count (~tickets / 5000). Full-text indexes are dropped during the load and rebuilt after,
 * which is how one bulk-loads any PostgreSQL table.
 */
export async function generateBenchData(db: Db, tickets: number, messagesPerTicket = 10, log: (s: string) => void = console.log): Promise<void> {
  const started = Date.now();
  await db.execute(sql`insert into teams (id, name) select gen_random_uuid(), 'Bench team ' || g from generate_series(1, 5) g on conflict do nothing`);
  await db.execute(sql`
    insert into users (id, email, name, role, password_hash)
    select gen_random_uuid(), 'bench-agent-' || g || '@bench.example', 'Bench agent ' || g, 'agent', null from generate_series(1, 50) g
    on conflict do nothing`);
  await db.execute(sql`insert into organisations (id, name, country) select gen_random_uuid(), 'Bench org ' || g, (array['DE','JP','IN','IL','PL','FI','BR','US','CN','ES'])[1 + g % 10] from generate_series(1, 1000) g`);
  await db.execute(sql`
    insert into contacts (id, organisation_id, name, emails, country)
    select gen_random_uuid(), o.id, 'Bench contact ' || o.name || ' ' || k, array['c' || k || '-' || replace(o.id::text, '-', '') || '@bench.example'], o.country
    from organisations o cross join generate_series(1, 10) k where o.name like 'Bench org %'`);
  log(`reference data in ${Date.now() - started} ms`);

  await db.execute(sql`drop index if exists messages_body_fts_idx`);
  await db.execute(sql`drop index if exists tickets_subject_fts_idx`);
  const batch = 50_000;
  const [{ base }] = await queryRows<{ base: number }>(db, sql`select coalesce(max(number), 0)::int as base from tickets`);
  for (let from = 1; from <= tickets; from += batch) {
    const to = Math.min(tickets, from + batch - 1);
    const t0 = Date.now();
    await db.execute(sql`
      with t as (select array_agg(id) a from teams), u as (select array_agg(id) a from users where email like 'bench-agent-%'),
           c as (select array_agg(id order by id) a, array_agg(organisation_id order by id) o from contacts where name like 'Bench contact %')
      insert into tickets (id, subject, status, priority, priority_rank, channel, team_id, assignee_id, organisation_id, contact_id, tags, created_at, updated_at)
      select gen_random_uuid(),
             (${wordArray})[1 + g % 10] || ' problem at line ' || (g % 40) || ' code zx' || (g % 5000),
             case when g % 10 = 0 then (array['new','open','pending','on_hold'])[1 + (g / 10) % 4] when g % 10 < 6 then 'closed' else 'solved' end,
             (array['low','normal','normal','high','urgent'])[1 + g % 5],
             (array[1,2,2,3,4])[1 + g % 5],
             (array['email','phone','whatsapp','webchat','telegram'])[1 + g % 5],
             t.a[1 + g % array_length(t.a, 1)],
             case when g % 7 = 0 then null else u.a[1 + g % array_length(u.a, 1)] end,
             c.o[1 + g % array_length(c.a, 1)], c.a[1 + g % array_length(c.a, 1)],
             case when g % 3 = 0 then array['hardware'] else '{}'::text[] end,
             now() - make_interval(mins => ${tickets} - g + 600),
             now() - make_interval(mins => ${tickets} - g) + make_interval(secs => g % 3600)
      from generate_series(${from}::int, ${to}::int) g, t, u, c`);
    await db.execute(sql`
      insert into messages (id, ticket_id, kind, channel, direction, author_name, body_text, created_at)
      select gen_random_uuid(), tk.id,
             case when m % 5 = 4 then 'note' else 'message' end,
             case when m % 5 = 4 then 'internal' else tk.channel end,
             case when m % 5 = 4 then 'internal' when m % 2 = 1 then 'inbound' else 'outbound' end,
             'Bench', 'Message ' || m || ' about the ' || (${wordArray})[1 + (tk.number + m) % 10] || ': please check the unit again, reference zx' || (tk.number % 5000),
             tk.created_at + make_interval(mins => m * 7)
      from tickets tk cross join generate_series(1, ${messagesPerTicket}::int) m
      where tk.number between ${base + from} and ${base + to}`);
    log(`tickets ${from}-${to}: ${Date.now() - t0} ms`);
  }
  const t1 = Date.now();
  await db.execute(sql`create index if not exists tickets_subject_fts_idx on tickets using gin (to_tsvector('simple', subject))`);
  await db.execute(sql`create index if not exists messages_body_fts_idx on messages using gin (to_tsvector('simple', body_text))`);
  await db.execute(sql`analyze`);
  log(`full-text indexes rebuilt and analyzed in ${Date.now() - t1} ms; total ${Math.round((Date.now() - started) / 1000)} s`);
}

const syllables = ['ka', 'ko', 'ta', 'ro', 'mi', 'na', 'shi', 'ya', 'wa', 'ze', 'lo', 'be', 'ni', 'su', 'ha', 'do', 'ri', 'vo', 'te', 'gu', 'an', 'el', 'or', 'is', 'um', 'ek', 'ja', 'po', 'fi', 'cu'];
const syllableArray = sql.raw(`array[${syllables.map((w) => `'${w}'`).join(',')}]`);

/**
 * Loads `count` extra contacts named "Bench person <given> <family>", where the family name is
 * three syllables out of 30 (27,000 names, a few dozen people each at 1M) — what a type-ahead
 * for a person's name meets — with one address each. One INSERT … SELECT per 200,000 rows.
 */
export async function generateBenchContacts(db: Db, count: number, log: (s: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const [{ base }] = await queryRows<{ base: number }>(db, sql`select count(*)::int as base from contacts where name like 'Bench person %'`);
  for (let from = 1; from <= count; from += 200_000) {
    const to = Math.min(count, from + 199_999);
    await db.execute(sql`
      with s as (select ${syllableArray} a)
      insert into contacts (id, name, emails, country, job_title)
      select gen_random_uuid(),
             'Bench person ' || initcap(s.a[1 + g % 30] || s.a[1 + (g / 7) % 30]) || ' ' || initcap(s.a[1 + (g / 30) % 30] || s.a[1 + (g / 900) % 30] || s.a[1 + (g / 27000) % 30]),
             array['person' || g || '@bench-people.example'], 'DE',
             (array['Engineer', 'Buyer', 'Plant manager', 'Technician'])[1 + g % 4]
      from generate_series(${base + from}::int, ${base + to}::int) g, s`);
  }
  await db.execute(sql`analyze contacts`);
  log(`${count} contacts in ${Date.now() - started} ms`);
}
