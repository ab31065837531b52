import { afterEach, describe, expect, it } from 'vitest';
import { PermanentDeliveryError, startSmtpReceiver, type SmtpEnvelope, type SmtpReceiver } from './smtp-receiver.js';
import { SmtpTestClient, smtpSend } from './testing/smtp-client.js';

const message = (id: string) =>
  `From: Anna <anna@example.pl>\r\nTo: support@example.com\r\nSubject: Pompa\r\nMessage-ID: <${id}@example.pl>\r\n\r\nPompa przecieka.\r\n.leading dot line\r\n`;

let receiver: SmtpReceiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

describe('SMTP receiver', () => {
  it('answers 250 only after delivery has resolved, with the exact bytes and envelope', async () => {
    const stored: { raw: string; envelope: SmtpEnvelope }[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async (a) => a === 'support@example.com',
      deliver: async (raw, envelope) => {
        await gate;
        stored.push({ raw: raw.toString('utf8'), envelope });
      },
    });
    let replied = false;
    const pending = smtpSend(receiver.port, 'anna@example.pl', ['Support@Example.com'], message('m1')).then((r) => {
      replied = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(replied).toBe(false); // the sender is still waiting while we have not committed
    release();
    const reply = await pending;
    expect(reply.code).toBe(250);
    expect(stored).toHaveLength(1);
    expect(stored[0].raw).toContain('Message-ID: <m1@example.pl>');
    expect(stored[0].raw).toContain('\r\n.leading dot line'); // dot-unstuffed
    expect(stored[0].envelope).toMatchObject({ mailFrom: 'anna@example.pl', rcptTo: ['support@example.com'] });
  });

  it('answers a temporary 451 when delivery fails, so the sender retries', async () => {
    let attempts = 0;
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async () => true,
      deliver: async () => {
        attempts++;
        if (attempts === 1) throw new Error('database unavailable');
      },
    });
    const first = await smtpSend(receiver.port, 'anna@example.pl', ['support@example.com'], message('m2'));
    expect(first.code).toBe(451);
    const retry = await smtpSend(receiver.port, 'anna@example.pl', ['support@example.com'], message('m2'));
    expect(retry.code).toBe(250);
    expect(attempts).toBe(2);
  });

  it('answers 451 at RCPT when the recipient check itself fails', async () => {
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async () => {
        throw new Error('db down');
      },
      deliver: async () => undefined,
    });
    const reply = await smtpSend(receiver.port, 'a@example.com', ['support@example.com'], message('m3'));
    expect(reply.code).toBe(451);
  });

  it('refuses unknown recipients with 550 and is not an open relay', async () => {
    let delivered = 0;
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async (a) => a.endsWith('@example.com'),
      deliver: async () => {
        delivered++;
      },
    });
    const reply = await smtpSend(receiver.port, 'spam@evil.example', ['victim@elsewhere.example'], message('m4'));
    expect(reply.code).toBe(550);
    expect(delivered).toBe(0);
  });

  it('accepts the null sender and reports it as an empty MAIL FROM', async () => {
    const envelopes: SmtpEnvelope[] = [];
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async () => true,
      deliver: async (_raw, env) => {
        envelopes.push(env);
      },
    });
    const reply = await smtpSend(receiver.port, '', ['support@example.com'], message('bounce'));
    expect(reply.code).toBe(250);
    expect(envelopes[0].mailFrom).toBe('');
  });

  it('refuses with 554 when delivery says the message is refused for good', async () => {
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async () => true,
      deliver: async () => {
        throw new PermanentDeliveryError('mailbox disabled');
      },
    });
    const reply = await smtpSend(receiver.port, 'a@example.com', ['support@example.com'], message('m5'));
    expect(reply.code).toBe(554);
  });

  it('announces SIZE and refuses bigger messages with 552 without delivering them', async () => {
    let delivered = 0;
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      maxBytes: 2000,
      acceptRecipient: async () => true,
      deliver: async () => {
        delivered++;
      },
    });
    const { client } = await SmtpTestClient.connect(receiver.port);
    const ehlo = await client.command('EHLO test.example');
    expect(ehlo.text).toContain('SIZE 2000');
    expect(ehlo.text).not.toContain('STARTTLS');
    expect(ehlo.text).not.toContain('AUTH');
    const reply = await client.send('a@example.com', ['support@example.com'], message('big') + 'x'.repeat(5000));
    expect(reply.code).toBe(552);
    await client.quit();
    expect(delivered).toBe(0);
  });

  it('handles several transactions in one session', async () => {
    const ids: string[] = [];
    receiver = await startSmtpReceiver({
      port: 0,
      host: '127.0.0.1',
      acceptRecipient: async () => true,
      deliver: async (raw) => {
        ids.push(/Message-ID: <([^>]+)>/.exec(raw.toString())![1]);
      },
    });
    const { client } = await SmtpTestClient.connect(receiver.port);
    await client.command('EHLO test.example');
    for (const id of ['s1', 's2', 's3']) {
      expect((await client.send('a@example.com', ['support@example.com'], message(id))).code).toBe(250);
    }
    await client.quit();
    expect(ids).toEqual(['s1@example.pl', 's2@example.pl', 's3@example.pl']);
  });
});
