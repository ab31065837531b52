/**
 * One visitor's chat WebSocket. The protocol is small JSON frames:
 *   visitor → server  hello {secret?, name?, email?, language?} · message {clientId, text}
 *                     identify {name?, email?} · history · ping
 *   server → visitor  welcome {secret?, sessionId, online, history, …} · ack {clientId, message}
 *                     message {message} · history {messages} · error {code, message} · pong
 * Every visitor message becomes a ticket message through the common ingest (idempotent on the
 * client's id, so a resend after a dropped connection is stored once). A visitor who gives an
 * email address we know is joined to that contact: the chat continues their existing record.
 */
import { storable } from '../../db/index.js';
import type { AppContext } from '../../http/index.js';
import { findContactByEmail } from '../../customers/index.js';
import { updateTicket } from '../../tickets/index.js';
import { listMessages } from '../../tickets/index.js';
import { userNames } from '../../users/index.js';
import { ingestMessage } from '../conversation/ingest.js';
import { linkIdentity } from '../identity/commands.js';
import { findIdentity } from '../identity/store.js';
import { teamForChannel } from '../routing.js';
import { channelSettings } from '../settings.js';
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

/** Joins the session to the contact who owns this email (a returning customer), or records the email on its contact. */
async function identify(ctx: AppContext, session: SessionRow, email: string, actorLabel = 'chat'): Promise<SessionRow> {
  const address = email.trim().toLowerCase();
  const owner = (await findIdentity(ctx.db, 'email', address))?.contactId ?? (await findContactByEmail(ctx.db, address))?.id ?? null;
  let contactId = session.contactId;
  await ctx.db.transaction(async (tx) => {
    if (owner && owner !== session.contactId) {
      contactId = owner;
      await linkIdentity(tx, owner, { kind: 'chat', value: session.id, channel: 'chat' });
    } else if (session.contactId) {
      await linkIdentity(tx, session.contactId, { kind: 'email', value: address, channel: 'chat' });
    }
  });
  if (session.ticketId && contactId && contactId !== session.contactId) {
    await updateTicket({ db: ctx.db, realtime: ctx.realtime, registry: ctx.registry, actorUserId: null, actorLabel }, session.ticketId, { contactId }, { summary: 'chat visitor identified by email' });
  }
  return (await updateSession(ctx.db, session.id, { email: address, contactId })) ?? session;
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
      identity: session.email
        ? { kind: 'email', value: session.email, name: session.name, language: session.language }
        : { kind: 'chat', value: session.id, name: session.name ?? 'Chat visitor', language: session.language },
      contactId: session.contactId,
      subject: body.split('\n')[0].slice(0, 120),
      bodyText: body,
      metadata: { chat: { sessionId: session.id, widgetId: widget.id, online: hours.online } },
      language: session.language,
      teamId: widget.teamId ?? (await teamForChannel(ctx.db, 'chat')),
      placement: session.ticketId ? { kind: 'ticket', ticketId: session.ticketId } : { kind: 'new' },
    });
    if (!session.ticketId || session.contactId !== result.contactId) {
      session = (await updateSession(ctx.db, session.id, { ticketId: result.ticketId, contactId: result.contactId })) ?? session;
      if (session.email && result.contactId) {
        await ctx.db.transaction((tx) => linkIdentity(tx, result.contactId!, { kind: 'chat', value: session!.id, channel: 'chat' }));
      }
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
          if (isEmail(frame.email)) session = await identify(ctx, session, frame.email);
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
