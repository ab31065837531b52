import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFolder, type TestFolder } from '../../../src/channels/email/testing/imap-server.js';
import { emailMailboxes } from '../../../src/channels/schema.js';
import { makeTeam } from '../../support/factories.js';
import { adminCredentials, databaseKinds, startTestRapport, type TestRapport } from '../../support/rapport.js';

const mail = (id: string, subject: string, body: string) =>
  `From: Ola Nowak <ola@customer.example>\r\nTo: imap-support@example.com\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;

describe.each(databaseKinds)('IMAP mailboxes on %s (real Dovecot)', (kind) => {
  let r: TestRapport;
  let folder: TestFolder;
  let admin: ReturnType<TestRapport['as']>;
  let mailboxId: string;
  let teamId: string;

  beforeAll(async () => {
    r = await startTestRapport(kind);
    folder = await createTestFolder('test2@example.com');
    teamId = (await makeTeam(r.ctx.db, { name: 'IMAP team' })).id;
    admin = r.as(await r.login(adminCredentials.email, adminCredentials.password));
    const created = await admin('POST', '/api/v1/channels/mailboxes', {
      address: 'imap-support@example.com',
      name: 'IMAP Support',
      teamId,
      imap: { host: folder.account.host, port: folder.account.port, secure: false, user: folder.account.user, password: folder.account.password, folder: folder.account.mailbox, enabled: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.imap.hasPassword).toBe(true);
    expect(JSON.stringify(created.body)).not.toContain(folder.account.password);
    mailboxId = created.body.id;
  });
  afterAll(async () => {
    await folder?.remove();
    await r?.stop();
  });

  it('tests the account from the admin API, with the password sealed at rest', async () => {
    const [stored] = await r.ctx.db.select({ password: emailMailboxes.imapPassword }).from(emailMailboxes).where(eq(emailMailboxes.id, mailboxId));
    expect(stored!.password).toMatch(/^rsk1\./);
    expect(stored!.password).not.toContain(folder.account.password);
    expect((await admin('POST', `/api/v1/channels/mailboxes/${mailboxId}/test`)).body).toEqual({ ok: true, messages: 0 });
  });

  it('polls the mailbox by the recurring job: tickets for new mail, \\Seen only after commit, each message once', async () => {
    const u1 = await folder.append(mail(`imap-1.${kind}@customer.example`, 'Drukarka', 'Drukarka nie działa.'));
    await r.ctx.jobs.runDue(); // the recurring IMAP job polls every enabled mailbox
    expect((await folder.flagsOf(u1)).has('\\Seen')).toBe(true);
    const tickets = (await admin('GET', `/api/v1/tickets?teamId=${teamId}&status=new,open`)).body.items;
    expect(tickets.map((t: any) => t.subject)).toEqual(['Drukarka']);

    // The same message again (copied into the box, or fetched by a second poller): stored once.
    await folder.append(mail(`imap-1.${kind}@customer.example`, 'Drukarka', 'Drukarka nie działa.'));
    const poll = await admin('POST', `/api/v1/channels/mailboxes/${mailboxId}/poll`);
    expect(poll.body).toEqual({ unseen: 1, delivered: 1, failed: 0 });
    const messages = (await admin('GET', `/api/v1/tickets/${tickets[0].id}/messages`)).body.items;
    expect(messages).toHaveLength(1);
    const box = (await admin('GET', '/api/v1/channels/mailboxes')).body.items.find((m: any) => m.id === mailboxId);
    expect(box.lastPolledAt).not.toBeNull();
    expect(box.lastPollError).toBeNull();
  });

  it('keeps a malformed message raw, flags it (it is stored), and reports it', async () => {
    const uid = await folder.append('X-Broken: yes\r\nSubject: nobody sent this\r\n\r\nbody\r\n');
    await admin('POST', `/api/v1/channels/mailboxes/${mailboxId}/poll`);
    expect((await folder.flagsOf(uid)).has('\\Seen')).toBe(true);
    const failures = (await admin('GET', '/api/v1/channels/failures')).body.items;
    expect(failures.find((f: any) => f.source === 'imap:imap-support@example.com')).toMatchObject({ reason: 'no-sender', channel: 'email' });
  });

  it('records a wrong password as the mailbox’s poll error', async () => {
    await admin('PATCH', `/api/v1/channels/mailboxes/${mailboxId}`, { imap: { password: 'wrong' } });
    const res = await admin('POST', `/api/v1/channels/mailboxes/${mailboxId}/poll`);
    expect(res.status).toBe(502);
    const box = (await admin('GET', '/api/v1/channels/mailboxes')).body.items.find((m: any) => m.id === mailboxId);
    expect(box.lastPollError).toBeTruthy();
  });
});
