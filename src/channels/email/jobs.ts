/**
 * Email background work: polling the IMAP mailboxes an admin switched on. One recurring job for
 * all mailboxes, so across several nodes exactly one polls at a time (the job queue's lock).
 */
import type { AppContext } from '../../http/index.js';
import { pollImapMailbox, type ImapPollResult } from './imap-poller.js';
import { ingestEmail } from './ingest.js';
import { pollableMailboxes, recordPoll, type MailboxRow } from './store.js';

export const IMAP_POLL_JOB = 'channels.imap-poll';

/** Polls one mailbox; each message is flagged \Seen only after its ingest committed. */
export async function pollMailbox(ctx: AppContext, box: MailboxRow): Promise<ImapPollResult> {
  if (!box.imapHost || !box.imapUser) throw new Error(`mailbox ${box.address} has no IMAP account`);
  try {
    const result = await pollImapMailbox(
      {
        host: box.imapHost,
        port: box.imapPort ?? (box.imapSecure ? 993 : 143),
        secure: box.imapSecure,
        user: box.imapUser,
        password: box.imapPassword ? ctx.secrets.open(box.imapPassword) : '',
        mailbox: box.imapFolder,
      },
      async (raw) => {
        await ingestEmail(ctx, raw, { kind: 'imap', mailboxAddress: box.address, mailboxId: box.id });
      },
    );
    await recordPoll(ctx.db, box.id, result.failed ? `${result.failed} message(s) could not be stored; retrying next poll` : null);
    return result;
  } catch (err) {
    await recordPoll(ctx.db, box.id, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/** The recurring job: every enabled mailbox, one after the other; one failing does not stop the rest. */
export async function pollAllMailboxes(ctx: AppContext): Promise<void> {
  const errors: string[] = [];
  for (const box of await pollableMailboxes(ctx.db)) {
    try {
      await pollMailbox(ctx, box);
    } catch (err) {
      errors.push(`${box.address}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (errors.length) throw new Error(errors.join('; '));
}
