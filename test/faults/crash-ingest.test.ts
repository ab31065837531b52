/**
 * Issue 10 (faults kept as tests): a node killed with SIGKILL in the middle of receiving mail.
 * 2,000 messages go to a real `dist/server/main.js` over 8 SMTP sessions; after about 40% have
 * been answered 250 the process is killed, restarted on the same data (the PGlite data folder, or
 * the same PostgreSQL database), and every message that got no 250 is sent again — as a sending
 * mail server would. Every message that got 250 must be stored, and every message exactly once
 * (one ticket message, one ticket), found by its Message-ID.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, buildServer, loadMail, login, scratchDatabase, smtpLoad, startNode, type Node } from './support.js';

const TOTAL = 2_000;
const KILL_AFTER = 800;
const nodes: Node[] = [];

beforeAll(async () => {
  await buildServer();
}, 120_000);
afterAll(async () => {
  for (const n of nodes) await n.kill();
});

interface Stored {
  messages: number;
  distinct: number;
  tickets: number;
  ids: Set<number>;
}

/** Each load message's Message-ID as stored, with its count of channel messages and tickets. */
const storedQuery = `select
  (select count(*)::int from channel_messages where channel = 'email' and external_id like 'crash.%') as messages,
  (select count(distinct external_id)::int from channel_messages where channel = 'email' and external_id like 'crash.%') as distinct,
  (select count(*)::int from tickets where subject like 'crash %') as tickets,
  (select coalesce(json_agg(split_part(split_part(external_id, '@', 1), '.', 2)), '[]'::json) from channel_messages where channel = 'email' and external_id like 'crash.%') as ids`;
const toStored = (row: { messages: number; distinct: number; tickets: number; ids: string[] | string }): Stored => ({
  messages: row.messages, distinct: row.distinct, tickets: row.tickets, ids: new Set((typeof row.ids === 'string' ? (JSON.parse(row.ids) as string[]) : row.ids).map(Number)),
});

async function prepare(node: Node) {
  const cookie = await login(node.url);
  const team = await api(node.url, cookie, 'POST', '/api/v1/teams', { name: 'Support' });
  expect(team.status, JSON.stringify(team.body)).toBe(201);
  const box = await api(node.url, cookie, 'POST', '/api/v1/channels/mailboxes', { address: 'support@example.com', name: 'Support', teamId: team.body.id });
  expect(box.status, JSON.stringify(box.body)).toBe(201);
}

async function crashRun(kind: string, env: Record<string, string>, readStored: () => Promise<Stored>) {
  const started = Date.now();
  const first = await startNode(env);
  nodes.push(first);
  await prepare(first);

  let killed = false;
  let answered = 0;
  let killing: Promise<void> | null = null;
  const all = Array.from({ length: TOTAL }, (_, i) => i);
  const phase1 = await smtpLoad(first.smtpPort, all, (i) => loadMail('crash', i), {
    onReply: (_i, code) => {
      if (code === 250 && !killing && ++answered >= KILL_AFTER) {
        killing = first.kill().then(() => {
          killed = true;
        });
      }
    },
    stopWhen: () => killed,
  });
  await killing;
  expect(killed).toBe(true);
  const killedAt = Date.now();
  // What the dead node had committed: the answered ones, and some it never got to answer.
  const atKill = await readStored();

  const again = await startNode(env);
  nodes.push(again);
  const restartSeconds = (Date.now() - killedAt) / 1000;
  const unacked = all.filter((i) => !phase1.acked.has(i));
  const phase2 = await smtpLoad(again.smtpPort, unacked, (i) => loadMail('crash', i));
  await again.stop();
  const stored = await readStored();

  const lostAcked = [...phase1.acked].filter((i) => !stored.ids.has(i));
  console.log(
    `crash ingest on ${kind}: ${TOTAL} messages; before the SIGKILL ${phase1.acked.size} got 250, ${phase1.refused.size} refused, ${phase1.unanswered.size} in flight or unsent; ` +
      `committed at the kill ${atKill.distinct} (${atKill.distinct - phase1.acked.size} of them never answered); ` +
      `restart took ${restartSeconds.toFixed(1)} s; resent ${unacked.length}: ${phase2.acked.size} got 250, ${phase2.refused.size} refused, ${phase2.unanswered.size} unanswered; ` +
      `stored ${stored.messages} channel messages (${stored.distinct} distinct Message-IDs), ${stored.tickets} tickets; acknowledged but lost ${lostAcked.length}; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s in all`,
  );
  expect(phase1.acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(phase1.acked.size).toBeLessThan(TOTAL); // the kill really came in the middle
  expect(phase1.refused.size).toBe(0);
  expect(lostAcked).toEqual([]);
  expect([...phase1.acked].filter((i) => !atKill.ids.has(i))).toEqual([]); // a 250 means committed, before any restart
  expect(phase2.refused.size).toBe(0);
  expect(phase2.unanswered.size).toBe(0);
  expect(phase2.acked.size).toBe(unacked.length);
  // Exactly once each: one channel message per Message-ID, one ticket per message.
  expect(stored.messages).toBe(TOTAL);
  expect(stored.distinct).toBe(TOTAL);
  expect(stored.tickets).toBe(TOTAL);
}

describe('a node killed while receiving mail', () => {
  it('pglite: every acknowledged message is stored exactly once after a SIGKILL and a restart on the same folder', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rapport-crash-'));
    try {
      await crashRun('pglite', { RAPPORT_DATA_DIR: dataDir }, async () => {
        const db = await PGlite.create(join(dataDir, 'pgdata'));
        try {
          return toStored((await db.query<any>(storedQuery)).rows[0]);
        } finally {
          await db.close();
        }
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('postgres: every acknowledged message is stored exactly once after a SIGKILL and a restart', { timeout: 240_000 }, async () => {
    const scratch = await scratchDatabase('rapport_crash');
    try {
      await crashRun('postgres', { DATABASE_URL: scratch.url }, async () => {
        const c = new pg.Client({ connectionString: scratch.url });
        await c.connect();
        try {
          return toStored((await c.query(storedQuery)).rows[0]);
        } finally {
          await c.end();
        }
      });
    } finally {
      await scratch.drop();
    }
  });
});
