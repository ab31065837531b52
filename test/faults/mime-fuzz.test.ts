/**
 * Issue 10 (faults kept as tests): 10,000 generated MIME messages — random and malformed headers,
 * charsets (utf-7, gb18030, unknown ones), NUL and 8-bit bytes, nested multiparts, broken base64
 * and quoted-printable, huge, malformed or missing Message-IDs, attachments with odd names — sent
 * through the real SMTP receiver over several concurrent SMTP sessions. Every message must be
 * answered 250 and then be stored exactly once (a ticket message with its original bytes, or kept raw in
 * `inbound_failures` when it could not be read or stored), or be refused with a permanent 5xx
 * that says why. No 4xx (the receiver only says "try again" when the database fails, and it does
 * not here), no dropped connection, no unhandled error in the process.
 */
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmailReceiver } from '../../src/channels/email/listener.js';
import { parseEmail } from '../../src/channels/email/parse.js';
import { createMailbox } from '../../src/channels/email/store.js';
import type { SmtpReceiver } from '../../src/channels/email/smtp-receiver.js';
import { SmtpTestClient } from '../../src/channels/email/testing/smtp-client.js';
import { queryRows } from '../../src/db/client.js';
import { makeTeam } from '../support/factories.js';
import { startTestRapport, type TestRapport } from '../support/rapport.js';

const COUNT = Number(process.env.RAPPORT_FUZZ_COUNT ?? 10_000);
const SESSIONS = Number(process.env.RAPPORT_FUZZ_SESSIONS ?? 8);
/** The receiver's size limit here: the few oversized messages must be refused with 552 and a reason. */
const MAX_BYTES = 64 * 1024;
const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? 20261203);

const bytes = (...parts: (string | Buffer | Uint8Array)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const charsets = ['utf-8', 'UTF-8', 'utf-7', 'gb18030', 'GB2312', 'iso-8859-1', 'iso-8859-8', 'windows-1252', 'windows-1255', 'shift_jis', 'euc-kr', 'koi8-r', 'utf-16', 'utf-16le', 'x-unknown-42', 'klingon', '', '"utf-8"', 'utf-8; format=flowed'];
const ctes = ['7bit', '8bit', 'binary', 'base64', 'quoted-printable', 'BASE64', 'x-uuencode', 'bogus', ''];

/** Body bytes: text in any script, raw 8-bit, NULs, control characters. */
const bodyBytes = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }).map(utf8),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.constantFrom(utf8('Zażółć gęślą jaźń'), utf8('שלום, המשאבה נעצרה'), utf8('ポンプが止まりました'), bytes('\xd6\xd0\xce\xc4\x81\x30\x81\x30'), bytes('Hello +AAA- world +ZeVnLIqe-'), bytes('a\x00b\x00\x00c'), bytes('\xed\xa0\x80\xc3')),
);

/** A body encoded (or mis-encoded) for a transfer encoding. */
const encoded = (cte: string, body: Buffer, broken: boolean) => {
  const c = cte.toLowerCase();
  if (c === 'base64') return broken ? bytes(body.toString('base64').replace(/[A-M]/g, '!').slice(0, -1), '===\x00') : bytes(body.toString('base64').replace(/.{76}/g, '$&\r\n'));
  if (c === 'quoted-printable') return broken ? bytes('broken =ZZ soft=\r\n=', body.toString('latin1'), '=4') : bytes(body.toString('latin1').replace(/[^ -<>-~]/g, (ch) => `=${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
  return body;
};

const headerText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('=?utf-8?B?UG9tcGEgUC00MCBzdG9p?=', '=?utf-7?Q?a+AAA-b?=', '=?gb18030?B?1tDOxA==?=', '=?x-klingon?Q?q=00a?=', '=?utf-8?Q?broken', '=?utf-16be?B?2AAAQQ==?=', '=??=', 'Re: Re: Fwd: [#12] pump', '\x00\x01\x02', 'x'.repeat(2000)),
);

const filenames = fc.constantFrom(
  'report.pdf', '../../etc/passwd', 'inv\x00oice.pdf', 'ñandú ✓.txt', '"quoted".txt', 'CON', 'a'.repeat(400) + '.txt', '', ' ', '.htaccess', 'photo.jpg.exe',
  '=?utf-8?B?0J7RgtGH0LXRgi5wZGY=?=', 'ファイル.xlsx', 'file\r\nX-Injected: yes', 'x/y\\z:*?<>|.bin',
);

interface Part {
  contentType: string;
  headers: string;
  body: Buffer;
}

/** One leaf part: text, HTML, an attachment with an odd name, or a nested message. */
const leaf: fc.Arbitrary<Part> = fc
  .record({
    kind: fc.constantFrom('text', 'html', 'attachment', 'rfc822', 'rfc2231'),
    charset: fc.constantFrom(...charsets),
    cte: fc.constantFrom(...ctes),
    broken: fc.boolean(),
    body: bodyBytes,
    filename: filenames,
    type: fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream', 'text/csv', 'application/x-msdownload', 'image/svg+xml', 'garbage', ''),
  })
  .map(({ kind, charset, cte, broken, body, filename, type }) => {
    const cteHeader = cte ? `Content-Transfer-Encoding: ${cte}\r\n` : '';
    switch (kind) {
      case 'text':
        return { contentType: `text/plain; charset=${charset}`, headers: cteHeader, body: encoded(cte, body, broken) };
      case 'html':
        return { contentType: `text/html; charset=${charset}`, headers: cteHeader, body: encoded(cte, bytes('<p>', body, '&#0;<img src="cid:x@y"></p>'), broken) };
      case 'rfc822':
        return { contentType: 'message/rfc822', headers: '', body: bytes('From: inner\x00@x.example\r\nSubject: inner ', body, '\r\n\r\ninner body\r\n') };
      case 'rfc2231':
        return { contentType: `${type || 'application/octet-stream'}; name*=utf-8''%E2%9C%93%00.bin`, headers: `Content-Disposition: attachment; filename*0*=utf-8''a%00; filename*1=b.bin\r\n${cteHeader}`, body: encoded(cte, body, broken) };
      default:
        return { contentType: type || 'application/octet-stream', headers: `Content-Disposition: attachment; filename="${filename}"\r\n${cteHeader}`, body: encoded(cte, body, broken) };
    }
  });

/** A MIME tree up to three levels deep, with missing, wrong and unterminated boundaries. */
const part: fc.Arbitrary<Part> = fc.letrec<{ part: Part }>((tie) => ({
  part: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .record({
        sub: fc.constantFrom('mixed', 'alternative', 'related', 'report', 'signed'),
        parts: fc.array(tie('part'), { minLength: 0, maxLength: 3 }),
        boundary: fc.constantFrom('b1', 'b 2', '', '=_weird_"quote', 'x'.repeat(100)),
        shape: fc.constantFrom('ok', 'no-boundary-param', 'unterminated', 'wrong-boundary'),
      })
      .map(({ sub, parts, boundary, shape }) => {
        const b = `${boundary || 'bnd'}${randomBytes(3).toString('hex')}`;
        const used = shape === 'wrong-boundary' ? 'other' : b;
        const inner = parts.map((p) => bytes(`--${used}\r\nContent-Type: ${p.contentType}\r\n`, p.headers, '\r\n', p.body, '\r\n'));
        return {
          contentType: shape === 'no-boundary-param' ? `multipart/${sub}` : `multipart/${sub}; boundary="${b}"`,
          headers: '',
          body: bytes(...inner, shape === 'unterminated' ? '' : `--${used}--\r\n`),
        };
      }),
  ),
})).part;

const messageIds = fc.constantFrom('normal', 'missing', 'huge', 'no-brackets', 'nul', 'empty', 'two', 'spaces');
const froms = fc.constantFrom('plain', 'named', 'encoded', 'nul', 'missing', 'garbage', 'group', 'two');

/** A whole message; `i` makes each one unique (its Message-ID and a marker in the body). */
function message(i: number, m: { mid: string; from: string; subject: Buffer; date: string; extra: [string, string][]; top: Part; headerless: boolean; longLine: boolean; oversized: boolean; bareLf: boolean }): Buffer {
  const sender = `fuzz${i % 97}@sender${i % 13}.example`;
  const id = `fz${i}.${SEED}@fuzz.example`;
  const midHeader: Record<string, string> = {
    normal: `Message-ID: <${id}>\r\n`, missing: '', huge: `Message-ID: <${'h'.repeat(3000)}${i}@fuzz.example>\r\n`, 'no-brackets': `Message-ID: ${id}\r\n`,
    nul: `Message-ID: <fz${i}\x00.${SEED}@fuzz.example>\r\n`, empty: 'Message-ID: <>\r\n', two: `Message-ID: <${id}> <second${i}@fuzz.example>\r\n`, spaces: `Message-ID: < fz${i} . ${SEED} @ fuzz.example >\r\n`,
  };
  const fromHeader: Record<string, string> = {
    plain: `From: ${sender}\r\n`, named: `From: "Fuzz ${i}" <${sender}>\r\n`, encoded: `From: =?utf-8?B?${Buffer.from(`Zoë ${i}`).toString('base64')}?= <${sender}>\r\n`,
    nul: `From: "a\x00b" <${sender}>\r\n`, missing: '', garbage: `From: <<<@@@>>>\r\n`, group: `From: undisclosed:;\r\n`, two: `From: ${sender}, other@x.example\r\n`,
  };
  if (m.headerless) return bytes(`\x00 no headers at all ${i}\r\n`, m.top.body);
  const head = bytes(
    fromHeader[m.from]!,
    'To: Support <support@example.com>\r\n',
    'Subject: ', m.subject, ` #${i}\r\n`,
    m.date === 'missing' ? '' : `Date: ${m.date === 'ok' ? new Date(Date.UTC(2026, 0, 1 + (i % 300))).toUTCString() : 'Tue, 99 Foo 20266 25:61:61 +9999'}\r\n`,
    midHeader[m.mid]!,
    ...m.extra.map(([k, v]) => bytes(`X-Fz-${k}: `, v, '\r\n')),
    m.longLine ? `X-Fz-Long: ${'y'.repeat(20_000)}\r\n` : '',
    'MIME-Version: 1.0\r\n',
    `Content-Type: ${m.top.contentType}\r\n`,
    m.top.headers,
    '\r\n',
  );
  const raw = bytes(head, m.top.body, `\r\nfuzz marker ${i}\r\n`, m.oversized ? `${'z'.repeat(76)}\r\n`.repeat(MAX_BYTES / 64) : '');
  return m.bareLf ? Buffer.from(raw.toString('latin1').replace(/\r\n/g, '\n'), 'latin1') : raw;
}

const messageShape = fc.record({
  mid: messageIds,
  from: froms,
  subject: headerText.map((s) => bytes(s.replace(/\r|\n/g, ' '))),
  date: fc.constantFrom('ok', 'missing', 'garbage'),
  extra: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), headerText.map((s) => s.replace(/\r|\n/g, ' '))), { maxLength: 4 }),
  top: part,
  // fast-check leans towards small values: weights, not a threshold, keep these rare.
  headerless: fc.oneof({ arbitrary: fc.constant(false), weight: 99 }, { arbitrary: fc.constant(true), weight: 1 }),
  longLine: fc.oneof({ arbitrary: fc.constant(false), weight: 99 }, { arbitrary: fc.constant(true), weight: 1 }),
  oversized: fc.oneof({ arbitrary: fc.constant(false), weight: 199 }, { arbitrary: fc.constant(true), weight: 1 }),
  bareLf: fc.boolean(),
});

describe('MIME fuzz through the SMTP receiver on postgres', () => {
  let r: TestRapport;
  let receiver: SmtpReceiver;
  const processErrors: unknown[] = [];
  const onError = (err: unknown) => processErrors.push(err);

  beforeAll(async () => {
    process.on('uncaughtException', onError);
    process.on('unhandledRejection', onError);
    r = await startTestRapport('postgres', { env: { RAPPORT_PUBLIC_URL: 'https://help.example.com', RAPPORT_SMTP_MAX_BYTES: String(MAX_BYTES) } });
    const team = await makeTeam(r.ctx.db, { name: 'Fuzz' });
    await createMailbox(r.ctx.db, { address: 'support@example.com', name: 'Support', teamId: team.id });
    receiver = await startEmailReceiver(r.ctx, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
    await receiver?.close();
    await r?.stop();
  });

  it(`stores or refuses with a reason each of ${COUNT} generated messages, and keeps going`, { timeout: 300_000 }, async () => {
    const shapes = fc.sample(messageShape, { numRuns: COUNT, seed: SEED });
    const raws = shapes.map((s, i) => message(i, s));
    const counted = async () =>
      (await queryRows<{ stored: number; raw: number; originals: number; messages: number }>(r.ctx.db, sql`select
        (select count(*) from channel_messages where channel = 'email' and direction = 'inbound')::int as stored,
        (select count(*) from inbound_failures where channel = 'email')::int as raw,
        (select count(*) from email_originals)::int as originals,
        (select count(*) from channel_messages c join messages m on m.id = c.message_id where c.channel = 'email' and c.direction = 'inbound' and m.kind = 'message')::int as messages`))[0]!;
    const before = await counted();
    /** For a failing run: which accepted messages are neither a message nor kept raw, and what they parse to. */
    async function notFound(indexes: number[]): Promise<string[]> {
      const out: string[] = [];
      for (const i of indexes) {
        // What the receiver got: the client sends CRLF line ends and ends with one.
        const text = raws[i]!.toString('latin1').replace(/\r?\n/g, '\r\n');
        const raw = Buffer.from(text.endsWith('\r\n') ? text : `${text}\r\n`, 'latin1');
        const sha = createHash('sha256').update(raw).digest('hex');
        const parsed = await parseEmail(raw, { envelopeFrom: `fuzz${i % 97}@sender${i % 13}.example` }).catch((e: Error) => e);
        const mid = parsed instanceof Error ? null : parsed.messageId;
        const hit = await queryRows<{ n: number }>(r.ctx.db, sql`select ((select count(*) from inbound_failures where sha256 = ${sha}) + (select count(*) from channel_messages where external_id = ${mid ?? ''}))::int as n`);
        if (hit[0]!.n === 0) out.push(`#${i} ${parsed instanceof Error ? parsed.message : `${mid} automation=${parsed.automation.kind} from=${parsed.from.address}`}`);
        if (out.length >= 10) break;
      }
      return out;
    }

    const replies: { i: number; code: number; text: string }[] = [];
    const crashes: string[] = [];
    let next = 0;
    const started = Date.now();
    async function session() {
      let client: SmtpTestClient | null = null;
      while (next < raws.length) {
        const i = next++;
        try {
          if (!client) {
            client = (await SmtpTestClient.connect(receiver.port)).client;
            await client.command('EHLO fuzz.example');
          }
          const reply = await Promise.race([
            client.send(`fuzz${i % 97}@sender${i % 13}.example`, ['support@example.com'], raws[i]!),
            new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer in 30 s')), 30_000)),
          ]);
          replies.push({ i, ...reply });
        } catch (err) {
          crashes.push(`#${i}: ${(err as Error).message}`);
          await client?.quit().catch(() => undefined);
          client = null;
        }
      }
      await client?.quit();
    }
    await Promise.all(Array.from({ length: SESSIONS }, session));
    const seconds = (Date.now() - started) / 1000;

    const after = await counted();
    const accepted = replies.filter((x) => x.code === 250);
    const refused = replies.filter((x) => x.code >= 500);
    const temporary = replies.filter((x) => x.code >= 400 && x.code < 500);
    const stored = after.stored - before.stored;
    const rawKept = after.raw - before.raw;
    const originals = after.originals - before.originals;
    const reasons = Object.entries(refused.reduce<Record<string, number>>((m, x) => ((m[`${x.code} ${x.text.split('\n')[0]!.slice(0, 60)}`] = (m[`${x.code} ${x.text.split('\n')[0]!.slice(0, 60)}`] ?? 0) + 1), m), {}));
    const failureReasons = await queryRows<{ reason: string; n: number }>(r.ctx.db, sql`select reason, count(*)::int as n from inbound_failures where channel = 'email' group by reason order by n desc`);
    console.log(
      `MIME fuzz (seed ${SEED}): sent ${raws.length} over ${SESSIONS} sessions in ${seconds.toFixed(1)} s (${(raws.length / seconds).toFixed(0)} msgs/s); ` +
        `accepted ${accepted.length}, refused ${refused.length} (${reasons.map(([k, n]) => `${k}: ${n}`).join('; ') || 'none'}), temporary ${temporary.length}; ` +
        `stored as messages ${stored} (originals kept ${originals}), kept raw ${rawKept} (${failureReasons.map((f) => `${f.reason}: ${f.n}`).join(', ')}); crashes ${crashes.length + processErrors.length}`,
    );
    if (crashes.length) console.log(crashes.slice(0, 10).join('\n'));
    if (stored + rawKept !== accepted.length) console.log(`not found: ${(await notFound(accepted.map((x) => x.i))).join('\n')}`);
    if (temporary.length) console.log(temporary.slice(0, 10).map((x) => `#${x.i} ${x.code} ${x.text}`).join('\n'));

    expect(crashes).toEqual([]);
    expect(processErrors).toEqual([]);
    expect(replies.length).toBe(raws.length);
    expect(temporary).toEqual([]);
    // A refusal says why, in words, with a permanent code.
    for (const x of refused) expect(x.text.length, `#${x.i}`).toBeGreaterThan(5);
    // Every accepted message is there exactly once: as a ticket message or kept raw, never both, never dropped.
    expect(stored + rawKept).toBe(accepted.length);
    // …and the bytes as received are kept for every one of them: the original beside each message.
    expect(originals).toBe(after.messages - before.messages);
    expect(stored).toBeGreaterThan(0);
    expect(rawKept).toBeGreaterThan(0);
    // The oversized ones, and only they, were refused for their size.
    const oversized = shapes.flatMap((x, i) => (x.oversized && !x.headerless ? [i] : []));
    expect(oversized.length).toBeGreaterThan(0);
    expect(refused.map((x) => x.i).sort((a, b) => a - b)).toEqual(oversized);
    for (const x of refused) expect(x.code).toBe(552);
    // The receiver is still healthy afterwards.
    const { client } = await SmtpTestClient.connect(receiver.port);
    await client.command('EHLO after.example');
    expect((await client.send('after@sender.example', ['support@example.com'], `From: after@sender.example\r\nTo: support@example.com\r\nSubject: still alive\r\nMessage-ID: <after.${SEED}@x>\r\n\r\nok\r\n`)).code).toBe(250);
    await client.quit();
  });
});
