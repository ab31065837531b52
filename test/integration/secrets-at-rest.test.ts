/**
 * Issue 10, defect 10: secrets Rapport must use again are sealed at rest under a key from the
 * environment (or the data folder's key file), re-sealed on start when keys rotate; outgoing
 * webhooks never reach loopback or private networks unless a setting allows it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { emailMailboxes } from '../../src/channels/schema.js';
import { loadConfig } from '../../src/config.js';
import { outboundWebhooks, webhookDeliveries } from '../../src/notifications/schema.js';
import { emitWebhookEvent } from '../../src/notifications/webhooks.js';
import { startRapport, type Rapport } from '../../src/server.js';
import { adminCredentials, databaseKinds, startTestRapport } from '../support/rapport.js';

const keyEntry = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

describe('secrets at rest (PGlite on disk, restarted)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-secrets-'));
  let rapport: Rapport | undefined;
  afterAll(async () => {
    await rapport?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (keys?: string) => {
    await rapport?.stop();
    const env: Record<string, string> = { RAPPORT_DATA_DIR: dir, RAPPORT_DEMO: 'false', RAPPORT_JOBS: 'false', RAPPORT_LOG_LEVEL: 'silent', RAPPORT_ADMIN_EMAIL: adminCredentials.email, RAPPORT_ADMIN_PASSWORD: adminCredentials.password };
    if (keys) env.RAPPORT_SECRET_KEYS = keys;
    rapport = await startRapport(loadConfig(env), { logger: false });
    return rapport;
  };
  const storedPassword = async (r: Rapport) => (await r.ctx.db.select({ p: emailMailboxes.imapPassword }).from(emailMailboxes))[0]!.p!;

  it('stores an IMAP password sealed, seals a plain legacy one on start, and re-seals under a rotated key', async () => {
    const old = keyEntry('2025');
    let r = await start(old);
    const login = await r.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: adminCredentials });
    const cookie = `rapport_session=${login.cookies.find((c) => c.name === 'rapport_session')!.value}`;
    const created = await r.app.inject({ method: 'POST', url: '/api/v1/channels/mailboxes', headers: { cookie }, payload: { address: 'sealed@example.com', name: 'Sealed', imap: { host: 'imap.example.com', user: 'u', password: 'hunter2-IMAP', enabled: false } } });
    expect(created.statusCode).toBe(201);
    const sealed = await storedPassword(r);
    expect(sealed).toMatch(/^rsk1\.2025\./);
    expect(sealed).not.toContain('hunter2');

    // A value written before sealing existed (an upgrade): sealed at the next start.
    await r.ctx.db.update(emailMailboxes).set({ imapPassword: 'plain-legacy' });
    r = await start(old);
    expect(await storedPassword(r)).toMatch(/^rsk1\.2025\./);
    expect(r.ctx.secrets.open(await storedPassword(r))).toBe('plain-legacy');

    // Rotation: the new key first, the old one still listed → re-sealed under the new key; then the old key can go.
    const fresh = keyEntry('2026');
    r = await start(`${fresh},${old}`);
    expect(await storedPassword(r)).toMatch(/^rsk1\.2026\./);
    r = await start(fresh);
    expect(r.ctx.secrets.open(await storedPassword(r))).toBe('plain-legacy');
  });

  it('uses a key file in the data folder when no key is set', async () => {
    const r = await start();
    // The value sealed under "2026" cannot be opened with the local key: a clear error, not garbage.
    expect(() => r.ctx.secrets.open('rsk1.2026.a.b.c')).toThrow(/RAPPORT_SECRET_KEYS/);
    expect(r.ctx.secrets.currentKeyId).toBe('local');
  });
});

describe.each(databaseKinds)('outgoing webhooks and private networks on %s', (kind) => {
  let server: Server;
  let hits = 0;
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('refuses to save an endpoint on loopback or a private network, and never connects to one', async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const r = await startTestRapport(kind);
    try {
      const admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
      for (const url of [`http://127.0.0.1:${port}/hook`, `http://localhost:${port}/hook`, 'http://10.0.0.7/admin', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/']) {
        const res = await admin('POST', '/api/v1/outbound-webhooks', { url, events: ['sla.breach'] });
        expect(res.status, url).toBe(400);
        expect(res.body.errors[0].path).toBe('body.url');
      }
      expect(await r.ctx.db.select().from(outboundWebhooks)).toHaveLength(0);

      // An endpoint that got in anyway (a name that resolves elsewhere today): the delivery is refused at connect time.
      await r.ctx.db.insert(outboundWebhooks).values({ id: crypto.randomUUID(), url: `http://localhost:${port}/hook`, events: ['*'], active: true, secret: r.ctx.secrets.seal('k') });
      await emitWebhookEvent(r.ctx.db, 'sla.breach', { ticketId: 'x' });
      await r.ctx.jobs.runDue();
      const [delivery] = await r.ctx.db.select().from(webhookDeliveries);
      expect(delivery!.deliveredAt).toBeNull();
      expect(delivery!.lastError).toMatch(/refused to connect: 127\.0\.0\.1 is a loopback address/);
      expect(hits).toBe(0);

      // The stored signing key is sealed.
      const created = await r.ctx.db.select({ secret: outboundWebhooks.secret }).from(outboundWebhooks).where(eq(outboundWebhooks.active, true));
      expect(created[0]!.secret).toMatch(/^rsk1\./);
    } finally {
      await r.stop();
    }
  });
});
