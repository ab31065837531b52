/**
 * Issue 12 ("Speed that stays flat"): ticket search picks one of two plans — the GIN indexes for a
 * rare word, a walk of the queue's sort index for a common one — and the contact type-ahead uses a
 * trigram index. These tests hold both plans to the same answer as a plain reading of the data
 * (order, cursor pages, what a customer may see), and the type-ahead to its index on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { addMessage } from '../../src/tickets/commands.js';
import { chooseSearchStrategy, listTickets, ticketSortKey, type SearchStrategy, type TicketFilter, type TicketSort } from '../../src/tickets/store.js';
import { makeContact, makeOrganisation, makeTicket, makeUser } from '../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

type Where = 'subject' | 'message' | 'note';

describe.each(databaseKinds)('search that stays flat on %s', (kind) => {
  let r: TestRapport;
  let agent: ReturnType<TestRapport['as']>;
  let customer: ReturnType<TestRapport['as']>;
  let ownOrg: string;
  /** Every ticket made, with where each test word is and whose it is. */
  const made: { id: string; number: number; org: string; words: Record<string, Where[]> }[] = [];

  beforeAll(async () => {
    r = await startTestRapport(kind);
    const db = r.ctx.db;
    await makeUser(db, 'agent', { email: 'agent@staff.example' });
    ownOrg = (await makeOrganisation(db, { name: 'Galil Medical' })).id;
    const otherOrg = (await makeOrganisation(db, { name: 'Kessler GmbH' })).id;
    const contact = await makeContact(db, { organisationId: ownOrg, name: 'Noa Levi' });
    const otherContact = await makeContact(db, { organisationId: otherOrg, name: 'Katrin Weber' });
    const customerUser = await makeUser(db, 'customer', { organisationId: ownOrg, contactId: contact.id, email: 'noa@customer.example' });
    agent = r.as(await r.login('agent@staff.example'));
    customer = r.as(await r.login(customerUser.email));
    const ctx = { db, registry: r.ctx.registry, actorUserId: null };
    // 36 tickets: "pump" on most (in the subject, a public message or only an internal note),
    // "zq77" on three; priorities vary so the priority sort interleaves them differently.
    for (let i = 0; i < 36; i++) {
      const own = i % 3 !== 0;
      const words: Record<string, Where[]> = { pump: [], zq77: [] };
      const pumpAt: Where | null = i % 4 === 0 ? 'subject' : i % 4 === 1 ? 'message' : i % 4 === 2 ? 'note' : null;
      if (pumpAt) words.pump.push(pumpAt);
      if (i === 5 || i === 17) words.zq77.push('message');
      if (i === 22) words.zq77.push('note');
      const ticket = await makeTicket(ctx, {
        subject: `${pumpAt === 'subject' ? 'Pump' : 'Valve'} case ${i}`,
        organisationId: own ? ownOrg : otherOrg,
        contactId: own ? contact.id : otherContact.id,
        priority: (['low', 'normal', 'high', 'urgent'] as const)[i % 4],
        message: { kind: 'message', direction: 'inbound', author: { name: 'Customer' }, bodyText: `Reading ${i}${pumpAt === 'message' ? ': the pump stalls' : ''}${words.zq77.includes('message') ? ' (code zq77)' : ''}` },
      });
      if (pumpAt === 'note' || words.zq77.includes('note')) {
        await addMessage(ctx, ticket.id, { kind: 'note', direction: 'internal', channel: 'internal', author: { name: 'Agent' }, bodyText: `${pumpAt === 'note' ? 'pump seal suspected' : ''} ${words.zq77.includes('note') ? 'zq77' : ''}` });
      }
      made.push({ id: ticket.id, number: ticket.number, org: own ? ownOrg : otherOrg, words });
    }
  });
  afterAll(async () => r?.stop());

  /** The answer read straight from the data: matching tickets in the sort's order. */
  async function expected(word: string, sort: TicketSort, publicOnly: boolean, org?: string): Promise<string[]> {
    const all = await listTickets(r.ctx.db, {}, sort, 1000);
    return all
      .map((t) => made.find((m) => m.id === t.id))
      .filter((m) => m && (!org || m.org === org))
      .filter((m) => m!.words[word]?.some((w) => !publicOnly || w !== 'note'))
      .map((m) => m!.id);
  }

  /** Every page of a store-level search with one strategy, followed by its cursor. */
  async function pages(filter: TicketFilter, sort: TicketSort, strategy: SearchStrategy, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let after: unknown[] | undefined;
    for (;;) {
      const rows = await listTickets(r.ctx.db, { ...filter, searchStrategy: strategy }, sort, limit, after);
      seen.push(...rows.slice(0, limit).map((t) => t.id));
      if (rows.length <= limit) return seen;
      after = ticketSortKey(sort, rows[limit - 1]);
    }
  }

  for (const word of ['pump', 'zq77']) {
    for (const sort of ['updated_desc', 'created_asc', 'priority_desc'] as TicketSort[]) {
      it(`finds "${word}" sorted ${sort} the same way with either plan, page by page`, async () => {
        const want = await expected(word, sort, false);
        expect(want.length).toBeGreaterThan(0);
        for (const strategy of ['index', 'walk'] as const) {
          expect(await pages({ q: word }, sort, strategy, 4)).toEqual(want);
          expect(await pages({ q: word, publicOnly: true, organisationId: ownOrg }, sort, strategy, 3)).toEqual(await expected(word, sort, true, ownOrg));
        }
      });
    }
  }

  it('finds a ticket by its number with either plan (and the same tickets with that number as a word)', async () => {
    const target = made[7];
    const found = async (strategy: SearchStrategy) => (await listTickets(r.ctx.db, { q: `#${target.number}`, searchStrategy: strategy }, 'updated_desc', 50)).map((t) => t.id);
    expect(await found('index')).toContain(target.id);
    expect(await found('walk')).toEqual(await found('index'));
  });

  it('answers the search API with cursor pages, and a customer only with what they may read', async () => {
    for (const word of ['pump', 'zq77']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await agent('GET', `/api/v1/tickets?q=${word}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.items.map((t) => t.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(await expected(word, 'updated_desc', false));
      const theirs = await customer('GET', `/api/v1/tickets?q=${word}&limit=100`);
      expect(theirs.body.items.map((t: { id: string }) => t.id)).toEqual(await expected(word, 'updated_desc', true, ownOrg));
    }
  });

  it('type-ahead finds contacts by a piece of the name or the job title, in name order, page by page', async () => {
    const db = r.ctx.db;
    const names = ['Anna Kowalska', 'Jan Kowalski', 'Piotr Nowak', 'Kowalczyk Ewa', 'Ola Wiśniewska', 'Zofia Ko', 'Marek Zieliński'];
    for (const [i, name] of names.entries()) await makeContact(db, { name, jobTitle: i === 6 ? 'Kowal workshop lead' : 'Engineer' });
    const listAll = async (q: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await agent('GET', `/api/v1/contacts?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.items.map((c) => c.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await listAll('kowal', 2)).toEqual(['Anna Kowalska', 'Jan Kowalski', 'Kowalczyk Ewa', 'Marek Zieliński']);
    expect(await listAll('ENGIN', 100)).toEqual(expect.arrayContaining(['Anna Kowalska', 'Piotr Nowak']));
    expect(await listAll('ko', 100)).toEqual(['Anna Kowalska', 'Jan Kowalski', 'Kowalczyk Ewa', 'Marek Zieliński', 'Zofia Ko']);
    // The indexed expression joins name and job title with a space; a match across it is not a match.
    expect(await listAll('Ko Engineer', 100)).toEqual([]);
    expect(await listAll('50%', 100)).toEqual([]);
    // A customer's type-ahead stays inside what they may see: only their own contact record.
    const mine = await customer('GET', '/api/v1/contacts?q=noa');
    expect(mine.body.items.map((c: { name: string }) => c.name)).toEqual(['Noa Levi']);
    expect((await customer('GET', '/api/v1/contacts?q=kowal')).body.items).toEqual([]);
  });

  it('walks the sort index only for a word the statistics know to be common', async () => {
    const db = r.ctx.db;
    expect(await chooseSearchStrategy(db, 'pump')).toBe('index'); // 36 tickets: too few to bother
    await db.execute(sql`insert into tickets (id, subject, status, priority, priority_rank, channel)
      select gen_random_uuid(), 'Pump report ' || g || ' code zr' || g, 'closed', 'normal', 2, 'email' from generate_series(1, 5000) g`);
    await db.execute(sql`analyze tickets`);
    await db.execute(sql`analyze messages`);
    expect(await chooseSearchStrategy(db, 'pump')).toBe('walk');
    expect(await chooseSearchStrategy(db, 'zr4711')).toBe('index');
    expect(await chooseSearchStrategy(db, 'nowhere')).toBe('index');
    // Whatever the plan, the first page is the plain answer.
    const page = await agent('GET', '/api/v1/tickets?q=pump&limit=10');
    expect(page.body.items.map((t: { id: string }) => t.id)).toEqual((await listTickets(db, { q: 'pump', searchStrategy: 'index' }, 'updated_desc', 10)).slice(0, 10).map((t) => t.id));
  });

  // PostgreSQL only: PGlite's planner statistics on a fresh in-memory table make the plan a test of PGlite, not of our index.
  it.runIf(kind === 'postgres')('type-ahead is answered from the trigram index on PostgreSQL', async () => {
    // Enough people that a scan would cost more than the index, as in a real directory.
    await r.ctx.db.execute(sql`insert into contacts (id, name, emails, job_title)
      select gen_random_uuid(), 'Filler person ' || g, array['filler' || g || '@filler.example'], 'Buyer' from generate_series(1, 20000) g`);
    await r.ctx.db.execute(sql`analyze contacts`);
    const plan = await r.ctx.db.transaction(async (tx) => {
      // What the route runs for `?q=kowal` (see resource-routes.ts), without the cursor.
      const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain select * from contacts
        where (name || ' ' || coalesce(job_title, '')) ilike '%kowal%' and (name ilike '%kowal%' or job_title ilike '%kowal%')
        order by name, id limit 26`);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('contacts_search_trgm_idx');
  });
});
