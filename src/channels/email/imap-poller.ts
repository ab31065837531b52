/**
 * Fetches new mail from an IMAP mailbox (imapflow). A message is marked \Seen only after
 * `deliver` has resolved — after the message is committed — so a crash, a lost connection or a
 * database outage between fetching and storing leaves it unseen and it is fetched again on the
 * next poll. Delivery is idempotent on Message-ID, so fetching twice stores it once.
 *
 * Each poll opens its own connection and closes it: no long-lived state in the process, so any
 * node can run the poll job and a node can die between polls.
 */
import { ImapFlow } from 'imapflow';

export interface ImapAccount {
  host: string;
  port: number;
  /** Implicit TLS (port 993). With false, STARTTLS is used when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  mailbox?: string;
  /** Accept self-signed certificates (an internal server); off by default. */
  allowSelfSigned?: boolean;
}

export interface ImapMessageMeta {
  uid: number;
  mailbox: string;
  uidValidity: string;
  internalDate: Date | null;
}

export interface ImapPollResult {
  /** Unseen messages found in the mailbox. */
  unseen: number;
  delivered: number;
  failed: number;
}

export interface ImapLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface PollOptions {
  /** Most messages handled per poll, so one poll never holds the job for long. Default 50. */
  batchSize?: number;
  logger?: ImapLogger;
  /** Connection and greeting timeouts (ms). */
  timeoutMs?: number;
}

/** One way to open a connection to a mailbox, for polling and for the admin's "check" button. */
function newImapClient(account: ImapAccount, timeoutMs: number, socketTimeoutMs?: number): ImapFlow {
  return new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: { user: account.user, pass: account.password },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    ...(socketTimeoutMs ? { socketTimeout: socketTimeoutMs } : {}),
    tls: { rejectUnauthorized: !account.allowSelfSigned },
  });
}

/**
 * One poll of one mailbox: fetch unseen messages (oldest first, up to the batch size), hand
 * each to `deliver`, and flag it \Seen once delivered. A failed delivery leaves that message
 * unseen for the next poll and moves on to the others.
 */
export async function pollImapMailbox(
  account: ImapAccount,
  deliver: (raw: Buffer, meta: ImapMessageMeta) => Promise<void>,
  options: PollOptions = {},
): Promise<ImapPollResult> {
  const mailbox = account.mailbox || 'INBOX';
  const timeout = options.timeoutMs ?? 15_000;
  const client = newImapClient(account, timeout, timeout * 4);
  // imapflow emits 'error' on socket problems; without a listener Node would crash the process.
  client.on('error', (err: Error) => options.logger?.warn({ err: err.message, mailbox }, 'imap: connection error'));

  const result: ImapPollResult = { unseen: 0, delivered: 0, failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const uidValidity = String(client.mailbox && typeof client.mailbox === 'object' ? client.mailbox.uidValidity : '');
      const found = await client.search({ seen: false }, { uid: true });
      const uids = (Array.isArray(found) ? found : []).sort((a, b) => a - b);
      result.unseen = uids.length;
      for (const uid of uids.slice(0, options.batchSize ?? 50)) {
        const msg = await client.fetchOne(String(uid), { source: true, internalDate: true }, { uid: true });
        if (!msg || !msg.source) continue;
        const internalDate = msg.internalDate ? new Date(msg.internalDate) : null;
        try {
          await deliver(msg.source, { uid, mailbox, uidValidity, internalDate });
        } catch (err) {
          result.failed++;
          options.logger?.error({ err, uid, mailbox }, 'imap: delivery failed; message left unseen for the next poll');
          continue;
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        result.delivered++;
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

/**
 * Logs in and opens the mailbox without fetching anything: the "test connection" button on the
 * channels admin page, so an admin learns about a wrong password before mail goes missing.
 */
export async function checkImapAccount(account: ImapAccount, timeoutMs = 10_000): Promise<{ ok: true; messages: number } | { ok: false; error: string }> {
  const client = newImapClient(account, timeoutMs);
  client.on('error', () => undefined);
  try {
    await client.connect();
    const box = await client.mailboxOpen(account.mailbox || 'INBOX', { readOnly: true });
    return { ok: true, messages: box.exists };
  } catch (err) {
    const e = err as { authenticationFailed?: boolean; message?: string; responseText?: string };
    return { ok: false, error: e.authenticationFailed ? 'authentication failed' : (e.responseText ?? e.message ?? String(err)) };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
