/**
 * Files: an upload is held to an allow-list by what its bytes are (HTML, SVG, executables are
 * refused, from customers and staff), invalid base64 is a 400, and every download is served as
 * a download with nosniff and a safe type — including whatever arrived by email, which is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailReceiver } from '../../src/channels/email/listener.js';
import { createMailbox } from '../../src/channels/email/store.js';
import type { SmtpReceiver } from '../../src/channels/email/smtp-receiver.js';
import { smtpSend } from '../../src/channels/email/testing/smtp-client.js';
import { startSmtpSink, type SmtpSink } from '../../src/channels/email/testing/smtp-sink.js';
import { addMessage } from '../../src/tickets/commands.js';
import { files } from '../support/files.js';
import { makeContact, makeOrganisation, makeTeam, makeUser } from '../support/factories.js';
import { databaseKinds, startTestRapport, type TestRapport } from '../support/rapport.js';

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** [filename, declared type, bytes, type served, inline] for files a customer may send. */
const accepted: [string, string, Buffer, string, boolean][] = [
  ['photo.png', 'image/png', files.png, 'image/png', true],
  ['photo.jpg', 'image/jpeg', files.jpeg, 'image/jpeg', true],
  ['anim.gif', 'image/gif', files.gif, 'image/gif', true],
  ['manual.pdf', 'application/pdf', files.pdf, 'application/pdf', false],
  ['report.docx', docx, files.docx, docx, false],
  ['legacy.doc', 'application/msword', files.cfb, 'application/msword', false],
  ['logs.zip', 'application/zip', files.zip, 'application/zip', false],
  ['voicemail.mp3', 'audio/mpeg', files.mp3, 'audio/mpeg', false],
  ['clip.mp4', 'video/mp4', files.mp4, 'video/mp4', false],
  ['notes.txt', 'text/plain', files.text, 'text/plain', false],
  ['readings.csv', 'text/csv', files.csv, 'text/csv', false],
  ['earlier.eml', 'message/rfc822', files.eml, 'message/rfc822', false],
  ['screenshot', 'text/html', files.png, 'image/png', true], // the bytes decide, not the label
];

/** [filename, declared type, bytes] a customer or an agent may not upload. */
const refused: [string, string, Buffer][] = [
  ['page.html', 'text/html', files.html],
  ['page.txt', 'text/plain', files.html],
  ['invoice.pdf', 'application/pdf', files.html],
  ['drawing.svg', 'image/svg+xml', files.svg],
  ['drawing.png', 'image/png', files.svg],
  ['data.xml', 'application/xml', files.xml],
  ['setup.exe', 'application/x-msdownload', files.exe],
  ['manual.pdf', 'application/pdf', files.exe],
  ['tool', 'application/octet-stream', files.elf],
  ['installer.msi', 'application/x-msi', files.cfb],
  ['blob.bin', 'application/octet-stream', files.binary],
];

describe.each(databaseKinds)('attachments on %s', (kind) => {
  let r: TestRapport;
  let sink: SmtpSink;
  let receiver: SmtpReceiver;
  let customerCookie: string;
  let agentCookie: string;
  let customer: ReturnType<TestRapport['as']>;
  let agent: ReturnType<TestRapport['as']>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    r = await startTestRapport(kind, { env: { RAPPORT_SMTP_URL: sink.url, RAPPORT_PUBLIC_URL: 'https://help.example.com' } });
    const team = await makeTeam(r.ctx.db, { name: 'Files' });
    await createMailbox(r.ctx.db, { address: 'support@example.com', name: 'Support', teamId: team.id });
    await makeUser(r.ctx.db, 'agent', { email: 'agent@staff.example', teamIds: [team.id] });
    const org = await makeOrganisation(r.ctx.db);
    const contact = await makeContact(r.ctx.db, { organisationId: org.id });
    const user = await makeUser(r.ctx.db, 'customer', { organisationId: org.id, contactId: contact.id });
    customerCookie = await r.login(user.email);
    agentCookie = await r.login('agent@staff.example');
    customer = r.as(customerCookie);
    agent = r.as(agentCookie);
    receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await receiver?.close();
    await r?.stop().catch(() => undefined);
    await sink?.close();
  });

  const download = async (cookie: string, id: string) => {
    const res = await r.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}`, headers: { cookie } });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
  };
  const file = (filename: string, contentType: string, content: Buffer) => ({ filename, contentType, contentBase64: content.toString('base64') });
  const ticketCount = async () => (await agent('GET', '/api/v1/tickets?status=new,open,pending,on_hold,solved,closed&limit=200')).body.items.length;

  it(`accepts ${accepted.length} kinds of file from a customer and serves each back safely`, async () => {
    const opened = await customer('POST', '/api/v1/tickets', {
      subject: 'Files for the spindle', body: 'See attached.', channel: 'portal',
      attachments: accepted.map(([name, type, bytes]) => file(name, type, bytes)),
    });
    expect(opened.status).toBe(201);
    const [message] = (await customer('GET', `/api/v1/tickets/${opened.body.id}/messages`)).body.items;
    expect(message.attachments.map((a: any) => [a.filename, a.contentType])).toEqual(accepted.map(([name, , , served]) => [name, served]));
    for (const [i, [name, , bytes, served, inline]] of accepted.entries()) {
      const got = await download(customerCookie, message.attachments[i].id);
      expect(got.status, name).toBe(200);
      expect(got.headers['content-type'], name).toBe(served);
      expect(got.headers['content-disposition'], name).toMatch(inline ? /^inline; filename="/ : /^attachment; filename="/);
      expect(got.headers['x-content-type-options'], name).toBe('nosniff');
      expect(got.headers['content-security-policy'], name).toContain('sandbox');
      expect(Buffer.compare(got.bytes, bytes), name).toBe(0);
    }
  });

  it(`refuses ${refused.length} active or unknown files from a customer with 415, storing nothing`, async () => {
    const before = await ticketCount();
    for (const [name, type, bytes] of refused) {
      const res = await customer('POST', '/api/v1/tickets', { subject: `Upload ${name}`, body: 'x', channel: 'portal', attachments: [file('ok.txt', 'text/plain', files.text), file(name, type, bytes)] });
      expect(res.status, name).toBe(415);
      expect(res.body.errors, name).toEqual([expect.objectContaining({ path: 'body.attachments.1' })]);
    }
    expect(await ticketCount()).toBe(before);
  });

  it('refuses the same files from staff, on a reply too', async () => {
    const t = await agent('POST', '/api/v1/tickets', { subject: 'Staff upload', body: 'x' });
    expect(t.status).toBe(201);
    for (const [name, type, bytes] of refused) {
      const res = await agent('POST', `/api/v1/tickets/${t.body.id}/messages`, { kind: 'note', bodyText: 'file', attachments: [file(name, type, bytes)] });
      expect(res.status, name).toBe(415);
    }
    expect((await agent('GET', `/api/v1/tickets/${t.body.id}/messages`)).body.items).toHaveLength(1);
  });

  it('refuses content that is not valid base64 with 400', async () => {
    for (const bad of ['not base64!', 'YWJj\nZGVm', 'YWI', '']) {
      const res = await customer('POST', '/api/v1/tickets', { subject: 'Bad', body: 'x', channel: 'portal', attachments: [{ filename: 'a.txt', contentType: 'text/plain', contentBase64: bad }] });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.errors[0].path, JSON.stringify(bad)).toBe('body.attachments.0.contentBase64');
    }
  });

  it('keeps every file that arrives by email, and serves active ones as downloads of bytes', async () => {
    const part = (name: string, type: string, bytes: Buffer, extra = '') =>
      `--b\r\nContent-Type: ${type}; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\n${extra}Content-Transfer-Encoding: base64\r\n\r\n${bytes.toString('base64')}\r\n`;
    const raw = [
      'From: Ana <ana@customer.example>', 'To: support@example.com', 'Subject: Files by mail', `Message-ID: <files.${Date.now()}@customer.example>`,
      'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Please see the files.',
      part('page.html', 'text/html', files.html).trimEnd(), part('drawing.svg', 'image/svg+xml', files.svg).trimEnd(), part('setup.exe', 'application/x-msdownload', files.exe).trimEnd(),
      part('invoice.pdf', 'application/pdf', files.html).trimEnd(), part('photo.png', 'image/png', files.png).trimEnd(), part('manual.pdf', 'application/pdf', files.pdf).trimEnd(), '--b--', '',
    ].join('\r\n');
    expect((await smtpSend(receiver.port, 'ana@customer.example', ['support@example.com'], raw)).code).toBe(250);
    const list = await agent('GET', '/api/v1/tickets?q=Files%20by%20mail');
    const [message] = (await agent('GET', `/api/v1/tickets/${list.body.items[0].id}/messages`)).body.items;
    // Stored as they came: nothing is lost.
    expect(message.attachments.map((a: any) => a.filename)).toEqual(['page.html', 'drawing.svg', 'setup.exe', 'invoice.pdf', 'photo.png', 'manual.pdf']);
    const served = Object.fromEntries(
      await Promise.all(message.attachments.map(async (a: any) => {
        const got = await download(agentCookie, a.id);
        expect(got.headers['x-content-type-options']).toBe('nosniff');
        return [a.filename, `${got.headers['content-type']} ${String(got.headers['content-disposition']).split(';')[0]}`];
      })),
    );
    expect(served).toEqual({
      'page.html': 'application/octet-stream attachment',
      'drawing.svg': 'application/octet-stream attachment',
      'setup.exe': 'application/octet-stream attachment',
      'invoice.pdf': 'application/octet-stream attachment',
      'photo.png': 'image/png inline',
      'manual.pdf': 'application/pdf attachment',
    });
  });

  it("never serves a customer the file of an entry it may not see", async () => {
    const t = await customer('POST', '/api/v1/tickets', { subject: 'Internal file', body: 'x', channel: 'portal' });
    const { message } = await addMessage({ db: r.ctx.db, registry: r.ctx.registry, actorUserId: null }, t.body.id, {
      kind: 'event', direction: 'internal', channel: 'email', author: { name: 'Rapport' }, bodyText: 'Bounce report',
      metadata: { event: 'email_bounced' }, attachments: [{ filename: 'report.txt', contentType: 'text/plain', content: files.text }],
    });
    const staffView = (await agent('GET', `/api/v1/tickets/${t.body.id}/messages`)).body.items.find((m: any) => m.id === message.id);
    const id = staffView.attachments[0].id;
    expect((await download(agentCookie, id)).status).toBe(200);
    expect((await download(customerCookie, id)).status).toBe(404);
  });
});
