import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkImapAccount, pollImapMailbox, type ImapMessageMeta } from '../../../src/channels/email/imap-poller.js';
import { parseEmail } from '../../../src/channels/email/parse.js';
import { createTestFolder, testImapAccount, type TestFolder } from '../../../src/channels/email/testing/imap-server.js';

const mail = (id: string, subject = 'Pompa') =>
  `From: anna@example.pl\r\nTo: support@example.com\r\nSubject: ${subject}\r\nMessage-ID: <${id}@example.pl>\r\n\r\nTreść ${id}\r\n`;

let folder: TestFolder | null = null;
afterEach(async () => {
  await folder?.remove();
  folder = null;
});

describe('IMAP poller against Dovecot', () => {
  it('delivers unseen messages oldest first and flags each \\Seen after delivery', async () => {
    folder = await createTestFolder();
    const u1 = await folder.append(mail('a'));
    const u2 = await folder.append(mail('b'));
    const seenBefore = await folder.append(mail('old'), ['\\Seen']);
    const got: { id: string; meta: ImapMessageMeta; flagsDuring: Set<string> }[] = [];
    const f = folder;
    const result = await pollImapMailbox(folder.account, async (raw, meta) => {
      // While we are "committing", the message must not be flagged yet.
      const flagsDuring = await f.flagsOf(meta.uid);
      got.push({ id: (await parseEmail(raw)).messageId, meta, flagsDuring });
    });
    expect(result).toEqual({ unseen: 2, delivered: 2, failed: 0 });
    expect(got.map((g) => g.id)).toEqual(['a@example.pl', 'b@example.pl']);
    expect(got.every((g) => !g.flagsDuring.has('\\Seen'))).toBe(true);
    expect(got[0].meta).toMatchObject({ uid: u1, mailbox: folder.account.mailbox });
    expect(got[0].meta.uidValidity).not.toBe('');
    expect((await folder.flagsOf(u1)).has('\\Seen')).toBe(true);
    expect((await folder.flagsOf(u2)).has('\\Seen')).toBe(true);
    expect(seenBefore).toBeGreaterThan(u2);

    // A second poll finds nothing new.
    const again = await pollImapMailbox(folder.account, async () => {
      throw new Error('must not be called');
    });
    expect(again).toEqual({ unseen: 0, delivered: 0, failed: 0 });
  });

  it('leaves a message unseen when delivery fails, and delivers it on the next poll', async () => {
    folder = await createTestFolder();
    const u1 = await folder.append(mail('flaky'));
    const u2 = await folder.append(mail('fine'));
    const first = await pollImapMailbox(folder.account, async (raw) => {
      if (raw.toString().includes('flaky')) throw new Error('database unavailable');
    });
    expect(first).toEqual({ unseen: 2, delivered: 1, failed: 1 });
    expect((await folder.flagsOf(u1)).has('\\Seen')).toBe(false);
    expect((await folder.flagsOf(u2)).has('\\Seen')).toBe(true);

    const delivered: string[] = [];
    const second = await pollImapMailbox(folder.account, async (raw) => {
      delivered.push((await parseEmail(raw)).messageId);
    });
    expect(second).toEqual({ unseen: 1, delivered: 1, failed: 0 });
    expect(delivered).toEqual(['flaky@example.pl']);
  });

  it('respects the batch size and keeps the rest for the next poll', async () => {
    folder = await createTestFolder();
    for (const id of ['1', '2', '3']) await folder.append(mail(id));
    const r = await pollImapMailbox(folder.account, async () => undefined, { batchSize: 2 });
    expect(r).toEqual({ unseen: 3, delivered: 2, failed: 0 });
    const r2 = await pollImapMailbox(folder.account, async () => undefined, { batchSize: 2 });
    expect(r2).toEqual({ unseen: 1, delivered: 1, failed: 0 });
  });

  it('fetches the exact bytes, including 8-bit character sets', async () => {
    folder = await createTestFolder();
    const raw = readFileSync(new URL('../../../src/channels/email/fixtures/japanese-iso-2022-jp.eml', import.meta.url));
    await folder.append(raw);
    let subject = '';
    await pollImapMailbox(folder.account, async (source) => {
      subject = (await parseEmail(source)).subject;
    });
    expect(subject).toBe('ポンプの水漏れについて');
  });

  it('checks an account: good credentials, bad password, missing mailbox', { timeout: 30_000 }, async () => {
    folder = await createTestFolder();
    await folder.append(mail('x'));
    expect(await checkImapAccount(folder.account)).toEqual({ ok: true, messages: 1 });
    expect(await checkImapAccount({ ...folder.account, password: 'wrong' })).toEqual({ ok: false, error: 'authentication failed' });
    const missing = await checkImapAccount(testImapAccount('no-such-folder-here'));
    expect(missing.ok).toBe(false);
  });
});
