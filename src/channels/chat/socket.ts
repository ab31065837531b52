/**
 * One visitor's chat WebSocket. The protocol is small JSON frames:
 *   visitor → server  hello {secret?, name?, email?, language?} · message {clientId, text}
 *                     identify {name?, email?} · history · ping
 *   server → visitor  welcome {secret?, sessionId, online, history, …} · ack {clientId, message}
 *                     message {message} · history {messages} · error {code, message} · pong
 * Every visitor message becomes a ticket message through the common ingest (idempotent on the
 * client's id, so a resend after a dropped connection is stored once). A visitor who gives an
 * email address is joined to its contact only after opening the proof link we send to it.
 */
import { storable } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { listMessages } from '../../tickets/index.js';
import { userNames } from '../../users/index.js';
import { ingestMessage } from '../conversation/ingest.js';
import { linkIdentity } from '../identity/commands.js';
import { teamForChannel } from '../routing.js';
import { channelSettings } from '../settings.js';
import { chatIdentity, noteEmailClaim, sendEmailProof } from './email-proof.js';
import { attachSocket, publishChatEvent } from './fanout.js';
import { widgetHours } from './hours.js';
import { forEvent, presentChatMessages } from './present.js';
import { createSession, getSession, sessionBySecret, updateSession, type SessionRow, type WidgetRow } from './store.js';

/** The little of a WebSocket this module uses (the `ws` socket @fastify/websocket hands over). */
export interface VisitorSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  on(event: 'message', listener: (data: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

const MAX_TEXT = 4000;
const MAX_PER_MINUTE = 20;
const TOUCH_EVERY_MS = 15_000;

const isEmail = (v: unknown): v is string => typeof v === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) && v.length <= 320;
const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);

async function history(ctx: AppContext, session: SessionRow) {
  if (!session.ticketId) return [];
  const rows = await listMessages(ctx.db, session.ticketId, 200, undefined, false);
  return presentChatMessages(rows.slice(0, 200), await userNames(ctx.db, rows.map((r) => r.authorUserId ?? '')));
}

/**
 * Records the email the visitor typed (theirs to be answered at) and sends the proof link; the
 * chat joins that address's contact only once the link is opened (email-proof.ts).
 */
async function identify(ctx: AppContext, session: SessionRow, email: string): Promise<{ session: SessionRow; verification: 'proven' | 'sent' | 'unavailable' }> {
  const address = email.trim().toLowerCase();
  if (session.email === address && session.emailVerifiedAt) return { session, verification: 'proven' };
  const updated = (await updateSession(ctx.db, session.id, { email: address, emailVerifiedAt: null })) ?? session;
  await noteEmailClaim(ctx, updated);
  return { session: updated, verification: await sendEmailProof(ctx, updated) };
}

/** Serves one visitor socket for a widget (see the module comment). */
export function serveChatSocket(ctx: AppContext, socket: VisitorSocket, widget: WidgetRow): void {
  const awaySeconds = channelSettings(ctx.config).chatAwaySeconds;
  let session: SessionRow | null = null;
  let detach: (() => void) | null = null;
  let lastTouch = 0;
  const sent: number[] = [];
  const send = (frame: Record<string, unknown>) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const fail = (code: string, message: string) => send({ type: 'error', code, message });
  const touch = async (force = false) => {
    if (!session || (!force && Date.now() - lastTouch < TOUCH_EVERY_MS)) return;
    lastTouch = Date.now();
    await updateSession(ctx.db, session.id, { lastSeenAt: new Date() });
  };

  async function hello(frame: Record<string, unknown>) {
    const secret = text(frame.secret, 200);
    let created: string | null = null;
    session = secret ? await sessionBySecret(ctx.db, widget.id, secret) : null;
    if (!session) {
      const made = await createSession(ctx.db, {
        widgetId: widget.id,
        name: text(frame.name, 200),
        email: isEmail(frame.email) ? frame.email : null,
        language: text(frame.language, 20) ?? widget.defaultLanguage,
      });
      session = made.session;
      created = made.secret;
      if (session.email) await sendEmailProof(ctx, session);
    }
    detach?.();
    detach = attachSocket(ctx, session.id, send);
    await touch(true);
    const hours = await widgetHours(ctx.db, widget);
    send({
      type: 'welcome',
      ...(created ? { secret: created } : {}),
      sessionId: session.id,
      online: hours.online,
      nextOpening: hours.nextOpening?.toISOString() ?? null,
      name: session.name,
      email: session.email,
      emailVerified: !!session.emailVerifiedAt,
      history: await history(ctx, session),
    });
  }

  async function message(frame: Record<string, unknown>) {
    if (!session) return fail('hello_first', 'Say hello first.');
    const body = text(frame.text, MAX_TEXT);
    const clientId = text(frame.clientId, 100);
    if (!body || !clientId) return fail('invalid', 'A message needs text and a clientId.');
    const now = Date.now();
    while (sent.length && now - sent[0] > 60_000) sent.shift();
    if (sent.length >= MAX_PER_MINUTE) return fail('rate_limited', 'Too many messages; wait a moment.');
    sent.push(now);
    session = (await getSession(ctx.db, session.id)) ?? session;
    const hours = await widgetHours(ctx.db, widget);
    if (!hours.online && !session.email) return fail('email_required', 'We are away; leave your email address so we can answer.');

    const result = await ingestMessage(ctx, {
      channel: 'chat',
      externalId: `${session.id}:${clientId}`,
      identity: chatIdentity(session),
      contactId: session.contactId,
      subject: body.split('\n')[0].slice(0, 120),
      bodyText: body,
      metadata: { chat: { sessionId: session.id, widgetId: widget.id, online: hours.online } },
      language: session.language,
      teamId: widget.teamId ?? (await teamForChannel(ctx.db, 'chat')),
      placement: session.ticketId ? { kind: 'ticket', ticketId: session.ticketId } : { kind: 'new' },
    });
    if (!session.ticketId || session.contactId !== result.contactId) {
      const firstMessage = !session.ticketId;
      session = (await updateSession(ctx.db, session.id, { ticketId: result.ticketId, contactId: result.contactId })) ?? session;
      if (session.email && session.emailVerifiedAt && result.contactId) {
        await ctx.db.transaction((tx) => linkIdentity(tx, result.contactId!, { kind: 'chat', value: session!.id, channel: 'chat' }));
      }
      if (firstMessage) await noteEmailClaim(ctx, session);
    }
    await touch(true);
    const [presented] = presentChatMessages(
      (await listMessages(ctx.db, result.ticketId, 500, undefined, false)).filter((m) => m.id === result.messageId),
    );
    send({ type: 'ack', clientId, message: presented ?? null });
    if (presented) await publishChatEvent(ctx, { sessionId: session.id, event: { type: 'message', message: forEvent(presented) } });
  }

  let queue: Promise<unknown> = Promise.resolve();
  socket.on('message', (data: Buffer) => {
    let frame: Record<string, unknown>;
    try {
      // Cleaned of NULs and lone surrogates like every request body (db/storable.ts).
      frame = storable(JSON.parse(data.toString('utf8')));
    } catch {
      return fail('invalid', 'Frames are JSON.');
    }
    const run = async () => {
      switch (frame.type) {
        case 'hello':
          return hello(frame);
        case 'message':
          return message(frame);
        case 'identify':
          if (!session) return fail('hello_first', 'Say hello first.');
          if (text(frame.name, 200)) session = (await updateSession(ctx.db, session.id, { name: text(frame.name, 200) })) ?? session;
          if (isEmail(frame.email)) {
            const identified = await identify(ctx, session, frame.email);
            session = identified.session;
            return send({ type: 'identified', name: session.name, email: session.email, verification: identified.verification });
          }
          return send({ type: 'identified', name: session.name, email: session.email });
        case 'history':
          return session ? send({ type: 'history', messages: await history(ctx, session) }) : fail('hello_first', 'Say hello first.');
        case 'ping':
          await touch();
          return send({ type: 'pong' });
        default:
          return fail('invalid', `Unknown frame type ${String(frame.type)}.`);
      }
    };
    // Frames are handled one after the other, in order, per socket.
    queue = queue.then(run).catch((err: unknown) => {
      fail('server_error', 'Your message could not be stored; please send it again.');
      console.error('chat frame failed', err);
    });
  });

  socket.on('close', () => {
    detach?.();
    if (session) {
      // Gone now: mark the visitor away at once, so the next answer goes by email.
      void updateSession(ctx.db, session.id, { lastSeenAt: new Date(Date.now() - awaySeconds * 1000 - 1000) }).catch(() => undefined);
    }
  });
}
