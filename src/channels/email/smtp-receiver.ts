/**
 * Rapport's inbound SMTP server (smtp-server). It answers 250 to DATA only after `deliver` has
 * resolved — i.e. after the message is committed — and a temporary 451 when delivery fails for
 * any reason (database down, node shutting down), so the sending server keeps the message and
 * retries: nothing is lost between the sender's queue and ours. Unknown recipients are refused
 * at RCPT TO, so this is never an open relay.
 */
import { SMTPServer, type SMTPServerAddress, type SMTPServerSession } from 'smtp-server';

export interface SmtpEnvelope {
  /** MAIL FROM; '' for the null sender `<>` (bounces), which must never be answered. */
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string;
  heloName: string;
}

/** Raised by `deliver` for a message that must be refused for good (554): never retried. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

export interface SmtpLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface SmtpReceiverOptions {
  port: number;
  host?: string;
  /** Host name announced in the greeting. */
  name?: string;
  /** Largest message accepted, in bytes (announced with SIZE, refused with 552). */
  maxBytes?: number;
  /** Whether mail for this address is ours (a team's or a mailbox's address). */
  acceptRecipient(address: string): Promise<boolean>;
  /** Stores the message; must resolve only once it is durably committed. */
  deliver(raw: Buffer, envelope: SmtpEnvelope): Promise<void>;
  logger?: SmtpLogger;
  /** PEM key and certificate to offer STARTTLS; without them STARTTLS is not advertised. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

function envelopeOf(session: SMTPServerSession): SmtpEnvelope {
  const from = session.envelope.mailFrom;
  return {
    mailFrom: from ? from.address : '',
    rcptTo: session.envelope.rcptTo.map((r: SMTPServerAddress) => r.address.toLowerCase()),
    remoteAddress: session.remoteAddress,
    heloName: session.hostNameAppearsAs,
  };
}

/**
 * Starts listening and resolves with the bound port (pass port 0 in tests for a free one).
 */
export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const log = options.logger;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const server = new SMTPServer({
    name: options.name,
    banner: 'Rapport help desk',
    size: maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !options.tls,
    key: options.tls?.key,
    cert: options.tls?.cert,
    logger: false,
    onRcptTo(address, _session, callback) {
      options
        .acceptRecipient(address.address.toLowerCase())
        .then((ok) => callback(ok ? null : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`)))
        .catch((err: unknown) => {
          log?.error({ err }, 'smtp: recipient check failed');
          callback(smtpError(451, '4.3.0 Temporary failure, please try again later'));
        });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on('data', (chunk: Buffer) => {
        // Past the limit, stop buffering; smtp-server answers 552 itself.
        if (length <= maxBytes) chunks.push(chunk);
        length += chunk.length;
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, '5.3.4 Message too big'));
        const raw = Buffer.concat(chunks);
        const envelope = envelopeOf(session);
        options.deliver(raw, envelope).then(
          () => callback(null, '2.0.0 OK: stored'),
          (err: unknown) => {
            if (err instanceof PermanentDeliveryError) {
              log?.warn({ err: err.message, from: envelope.mailFrom }, 'smtp: message refused');
              return callback(smtpError(554, `5.6.0 ${err.message}`));
            }
            log?.error({ err, from: envelope.mailFrom }, 'smtp: delivery failed, sender will retry');
            callback(smtpError(451, '4.3.0 Temporary failure, please try again later'));
          },
        );
      });
    },
  });
  server.on('error', (err) => log?.error({ err }, 'smtp: server error'));

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.server.once('error', onError);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  log?.info({ port }, 'smtp: receiving mail');
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
