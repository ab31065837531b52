/**
 * One composition root, no module state: two Rapport apps in one process share nothing. Each
 * has its own registry (ticket hooks, channel drivers, calendar usages), its own job handlers
 * and its own pooled SMTP transports, so a reply written in one app leaves through that app's
 * relay and a hook added to one app never runs for the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailbox } from '../../src/channels/email/store.js';
import { startEmailReceiver } from '../../src/channels/email/listener.js';
import { smtpSend } from '../../src/channels/email/testing/smtp-client.js';
import { startSmtpSink, type SmtpSink } from '../../src/channels/email/testing/smtp-sink.js';
import type { SmtpReceiver } from '../../src/channels/email/smtp-receiver.js';
import { channelDrivers } from '../../src/channels/conversation/drivers.js';
import { calendarUsages } from '../../src/calendars/index.js';
import { capabilities } from '../../src/capabilities.js';
import { ticketHooks, type TicketChange } from '../../src/tickets/index.js';
import { makeTeam, makeUser } from '../support/factories.js';
import { startTestRapport, type TestRapport } from '../support/rapport.js';

interface Side {
  r: TestRapport;
  sink: SmtpSink;
  receiver: SmtpReceiver;
  agent: ReturnType<TestRapport['as']>;
  seen: TicketChange[];
}

async function startSide(name: string): Promise<Side> {
  const sink = await startSmtpSink();
  const r = await startTestRapport('pglite', { env: { RAPPORT_SMTP_URL: sink.url, RAPPORT_PUBLIC_URL: `https://${name}.example.com` } });
  const seen: TicketChange[] = [];
  r.ctx.registry.add(ticketHooks, `test-${name}`, async (_tx, change) => {
    seen.push(change);
  });
  const teamId = (await makeTeam(r.ctx.db, { name: `Team ${name}` })).id;
  await createMailbox(r.ctx.db, { address: `support@${name}.example`, name: `Support ${name}`, teamId });
  await makeUser(r.ctx.db, 'agent', { email: `agent@${name}.example`, teamIds: [teamId] });
  const agent = r.as(await r.login(`agent@${name}.example`));
  const receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  return { r, sink, receiver, agent, seen };
}

describe('two Rapport apps in one process', () => {
  let a: Side;
  let b: Side;

  beforeAll(async () => {
    a = await startSide('alpha');
    b = await startSide('beta');
  });
  afterAll(async () => {
    for (const side of [a, b]) {
      await side?.receiver.close();
      await side?.r.stop().catch(() => undefined);
      await side?.sink.close();
    }
  });

  it('fills one registry per app from the composition root', () => {
    expect(a.r.ctx.registry).not.toBe(b.r.ctx.registry);
    for (const side of [a, b]) {
      // The three capabilities with ticket hooks, in the order of src/capabilities.ts, plus the test's own.
      expect(side.r.ctx.registry.names(ticketHooks)).toEqual(['sla', 'patience', 'channels', `test-${side === a ? 'alpha' : 'beta'}`]);
      expect(side.r.ctx.registry.names(channelDrivers).sort()).toEqual(['chat', 'email', 'sms', 'telegram', 'whatsapp']);
      expect(side.r.ctx.registry.names(calendarUsages).sort()).toEqual(['customers.contracts', 'sla.policies', 'sla.team-shifts']);
    }
    expect(capabilities.map((c) => c.name)).toContain('handoffs');
  });

  it('sends each app’s reply through its own relay and runs only its own hooks', async () => {
    const exchange = async (side: Side, name: string, customer: string) => {
      const id = `${customer}-${Date.now()}@customer.example`;
      const raw = `From: ${customer} <${customer}@customer.example>\r\nTo: support@${name}.example\r\nSubject: Pump ${name}\r\nMessage-ID: <${id}>\r\nDate: ${new Date().toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe pump leaks.\r\n`;
      await smtpSend(side.receiver.port, `${customer}@customer.example`, [`support@${name}.example`], raw);
      const list = await side.agent('GET', '/api/v1/tickets?status=new,open');
      const ticket = list.body.items.find((t: { subject: string }) => t.subject === `Pump ${name}`);
      expect(ticket).toBeTruthy();
      const reply = await side.agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: `Reply from ${name}`, channel: 'email' });
      expect(reply.status).toBe(201);
      await side.r.ctx.jobs.runDue();
      return ticket.id as string;
    };
    const ticketA = await exchange(a, 'alpha', 'anna');
    const ticketB = await exchange(b, 'beta', 'bob');

    const [sentA] = await a.sink.waitFor(1);
    const [sentB] = await b.sink.waitFor(1);
    expect(a.sink.messages).toHaveLength(1);
    expect(b.sink.messages).toHaveLength(1);
    expect(sentA.envelope.rcptTo).toEqual(['anna@customer.example']);
    expect(sentB.envelope.rcptTo).toEqual(['bob@customer.example']);
    expect(sentA.raw.toString()).toContain('Reply from alpha');
    expect(sentB.raw.toString()).toContain('Reply from beta');

    const ticketsSeen = (side: Side) => new Set(side.seen.map((c) => c.ticket.id));
    expect(ticketsSeen(a)).toEqual(new Set([ticketA]));
    expect(ticketsSeen(b)).toEqual(new Set([ticketB]));
  });

  it('stops one app without touching the other', async () => {
    const extra = await startSide('gamma');
    await extra.receiver.close();
    await extra.r.stop();
    await extra.sink.close();
    // a's pooled transport survives gamma's shutdown: a second reply still goes out.
    const list = await a.agent('GET', '/api/v1/tickets?status=new,open,pending');
    const ticket = list.body.items.find((t: { subject: string }) => t.subject === 'Pump alpha');
    const reply = await a.agent('POST', `/api/v1/tickets/${ticket.id}/messages`, { kind: 'message', bodyText: 'Second reply from alpha', channel: 'email' });
    expect(reply.status).toBe(201);
    await a.r.ctx.jobs.runDue();
    const messages = await a.sink.waitFor(2);
    expect(messages[1].raw.toString()).toContain('Second reply from alpha');
  });
});
