/**
 * The real IMAP server tests run against: the private Dovecot instance `.ci/setup-imap.sh`
 * starts on 127.0.0.1:10143. Each test works in its own freshly created folder so parallel
 * test files and repeated runs never see each other's mail.
 */
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { ImapAccount } from '../imap-poller.js';

export const testImapAccount = (mailbox = 'INBOX', user = 'test1@example.com'): ImapAccount => ({
  host: process.env.RAPPORT_TEST_IMAP_HOST ?? '127.0.0.1',
  port: Number(process.env.RAPPORT_TEST_IMAP_PORT ?? 10143),
  secure: false,
  user,
  password: process.env.RAPPORT_TEST_IMAP_PASSWORD ?? 'rapport',
  mailbox,
});

async function connect(account: ImapAccount): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.secure,
    auth: { user: account.user, pass: account.password },
    logger: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `Cannot reach the test IMAP server at ${account.host}:${account.port} — run .ci/setup-imap.sh as root first (${String(err)})`,
      { cause: err },
    );
  }
  return client;
}

/** A scratch folder on the test server, with helpers to put mail in and look at flags. */
export interface TestFolder {
  account: ImapAccount;
  append(raw: string | Buffer, flags?: string[]): Promise<number>;
  flagsOf(uid: number): Promise<Set<string>>;
  remove(): Promise<void>;
}

/** Creates a uniquely named folder for one test. */
export async function createTestFolder(user = 'test1@example.com'): Promise<TestFolder> {
  const name = `t-${randomUUID()}`;
  const account = testImapAccount(name, user);
  const admin = await connect(account);
  await admin.mailboxCreate(name);
  return {
    account,
    async append(raw, flags = []) {
      const res = await admin.append(name, raw, flags);
      if (!res || typeof res !== 'object' || !res.uid) throw new Error('APPEND did not return a UID (UIDPLUS)');
      return res.uid;
    },
    async flagsOf(uid) {
      const lock = await admin.getMailboxLock(name);
      try {
        const msg = await admin.fetchOne(String(uid), { flags: true }, { uid: true });
        return msg && msg.flags ? msg.flags : new Set<string>();
      } finally {
        lock.release();
      }
    },
    async remove() {
      await admin.mailboxDelete(name).catch(() => undefined);
      await admin.logout().catch(() => admin.close());
    },
  };
}
