/**
 * A local SMTP server that keeps what it receives: the relay outbound mail is sent to in tests.
 * It is Rapport's own smtp-server based receiver, accepting every recipient.
 */
import { startSmtpReceiver, type SmtpEnvelope } from '../smtp-receiver.js';

export interface SinkMessage {
  raw: Buffer;
  envelope: SmtpEnvelope;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: SinkMessage[];
  /** Resolves once `count` messages have arrived (or rejects after timeoutMs). */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  close(): Promise<void>;
}

/** Starts a sink on a free local port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver = await startSmtpReceiver({
    port: 0,
    host: '127.0.0.1',
    acceptRecipient: async () => true,
    deliver: async (raw, envelope) => {
      messages.push({ raw, envelope });
      for (const w of [...waiters]) {
        if (messages.length >= w.count) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
  });
  return {
    port: receiver.port,
    url: `smtp://127.0.0.1:${receiver.port}?tls=off`,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      if (messages.length < count) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`SMTP sink: ${messages.length}/${count} messages`)), timeoutMs);
          waiters.push({
            count,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
        });
      }
      return messages.slice(0, count);
    },
    close: () => receiver.close(),
  };
}
