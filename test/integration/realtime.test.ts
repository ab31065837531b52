import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { RealtimeHub, type RealtimeEvent } from '../../src/realtime/hub.js';
import { startTestRapport, type TestRapport } from '../support/rapport.js';

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for an event');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('realtime events between nodes on postgres', () => {
  let r: TestRapport;
  let nodeB: Database;
  let hubB: RealtimeHub;
  const received: RealtimeEvent[] = [];

  beforeAll(async () => {
    r = await startTestRapport('postgres');
    nodeB = await openDatabase({ databaseUrl: r.ctx.config.databaseUrl });
    hubB = new RealtimeHub(nodeB);
    await hubB.start();
    hubB.subscribe({ userId: 'agent-on-b', staff: true, organisationId: null, send: (e) => received.push(e) });
  });
  afterAll(async () => {
    await hubB?.stop();
    await nodeB?.close();
    await r?.stop();
  });

  it('delivers an event published on node A to a browser connected to node B', async () => {
    await r.ctx.realtime.publish({ type: 'ticket.updated', data: { ticketId: 't1' } });
    await waitFor(() => received.some((e) => (e.data as { ticketId: string }).ticketId === 't1'));
  });

  it('re-subscribes when its LISTEN connection is lost', async () => {
    const killed = await nodeB.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    expect((killed as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    // Publish until node B hears again: it reconnects on its own after about a second.
    await waitFor(() => {
      void r.ctx.realtime.publish({ type: 'ticket.updated', data: { ticketId: 't2' } });
      return received.some((e) => (e.data as { ticketId: string }).ticketId === 't2');
    }, 15_000);
  });

  it('keeps customers to their own organisation, and to events meant for customers', async () => {
    const customerEvents: RealtimeEvent[] = [];
    const off = hubB.subscribe({ userId: 'customer-1', staff: false, organisationId: 'org-a', send: (e) => customerEvents.push(e) });
    await r.ctx.realtime.publish({ type: 'message.created', data: { n: 1 }, organisationId: 'org-b', customers: true });
    await r.ctx.realtime.publish({ type: 'message.created', data: { n: 2 }, organisationId: 'org-a' }); // an internal note
    await r.ctx.realtime.publish({ type: 'message.created', data: { n: 3 }, organisationId: 'org-a', customers: true });
    await waitFor(() => customerEvents.length > 0);
    await new Promise((res) => setTimeout(res, 300));
    expect(customerEvents.map((e) => (e.data as { n: number }).n)).toEqual([3]);
    off();
  });
});
