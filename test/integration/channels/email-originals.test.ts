/**
 * Every accepted email is kept as it arrived (issue 10: "keep the raw bytes always"): the desk
 * downloads it as message/rfc822, a customer never can, and retention takes it with its case.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailReceiver } from '../../../src/channels/email/listener.js';
import { createMailbox } from '../../../src/channels/email/store.js';
import type { SmtpReceiver } from '../../../src/channels/email/smtp-receiver.js';
import { smtpSend } from '../../../src/channels/email/testing/smtp-client.js';
import { emailOriginals } from '../../../src/channels/schema.js';
import { newId } from '../../../src/db/ids.js';
import { tickets } from '../../../src/tickets/schema.js';
import { makeOrganisation, makeUser } from '../../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../../support/rapport.js';

describe.each(databaseKinds)('original emails on %s', (kind) => {
  let r: TestRapport;
  let receiver: SmtpReceiver;
  beforeAll(async () => {
    r = await startTestRapport(kind);
    await createMailbox(r.ctx.db, { address: 'support@example.com', name: 'Support' });
    receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver?.close();
    await r?.stop();
  });

  it('keeps every accepted email byte for byte and serves it to the desk only', async () => {
    const raw = Buffer.from(`From: Olga Nowak <olga@nowak.example>\r\nTo: support@example.com\r\nSubject: Zepsuty skaner\r\nMessage-ID: <orig-1@nowak.example>\r\nX-Odd: \u00e9t\u00e9\r\nContent-Type: text/plain; charset=iso-8859-2\r\n\r\nDzie\xf1 dobry,\r\nskaner nie dzia\xb3a.\r\n`, 'latin1');
    expect((await smtpSend(receiver.port, 'olga@nowak.example', ['support@example.com'], raw)).code).toBe(250);
    // The SMTP retry of the same message keeps one original.
    expect((await smtpSend(receiver.port, 'olga@nowak.example', ['support@example.com'], raw)).code).toBe(250);
    const rows = await r.ctx.db.select().from(emailOriginals);
    expect(rows).toHaveLength(1);
    const messageId = rows[0]!.messageId;

    const agent = await makeUser(r.ctx.db, 'agent');
    const res = await r.app.inject({ method: 'GET', url: `/api/v1/messages/${messageId}/original`, headers: { cookie: await r.login(agent.email) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('message/rfc822');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="message-${messageId}.eml"`);
    expect(Buffer.from(res.rawPayload).equals(raw.subarray(0, raw.length))).toBe(true);

    const org = await makeOrganisation(r.ctx.db);
    const customer = await makeUser(r.ctx.db, 'customer', { organisationId: org.id });
    const asCustomer = r.as(await r.login(customer.email));
    expect((await asCustomer('GET', `/api/v1/messages/${messageId}/original`)).status).toBe(404);
    expect((await r.as(await r.login(agent.email))('GET', `/api/v1/messages/${newId()}/original`)).status).toBe(404);
    expect((await r.as(await r.login(agent.email))('GET', '/api/v1/messages/not-a-uuid/original')).status).toBe(400);

    // It goes with its case.
    const [ticket] = await r.ctx.db.select().from(tickets);
    await r.ctx.db.delete(tickets).where(eq(tickets.id, ticket!.id));
    expect(await r.ctx.db.select().from(emailOriginals)).toHaveLength(0);
  });
});
