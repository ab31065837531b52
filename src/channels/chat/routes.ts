/**
 * The web chat's public side: the embeddable script (`/widget.js`), the widget's public
 * configuration (colour, whether the team is in), the visitor WebSocket, and an example page.
 * Cross-origin by design — the widget lives on customers' sites — limited to the widget's
 * allowed origins when an admin lists some.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../http/index.js';
import { problem } from '../../errors/index.js';
import { widgetPagePolicy } from '../../http/index.js';
import { widgetHours } from './hours.js';
import { isRtl, outboundStrings } from '../email/outbound-strings.js';
import { confirmEmailProof } from './email-proof.js';
import { serveChatSocket } from './socket.js';
import { widgetByKey, type WidgetRow } from './store.js';

const widgetFile = fileURLToPath(new URL('./widget/widget.js', import.meta.url));
const exampleFile = fileURLToPath(new URL('./widget/example.html', import.meta.url));

/** Whether a page on this origin may use the widget (no list = any site). */
export function originAllowed(widget: Pick<WidgetRow, 'allowedOrigins'>, origin: string | undefined): boolean {
  if (widget.allowedOrigins.length === 0) return true;
  return !!origin && widget.allowedOrigins.some((o) => o.replace(/\/+$/, '').toLowerCase() === origin.toLowerCase());
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export default async function chatRoutes(app: App) {
  const { db } = app.ctx;
  // Read once at start: the script never changes while the process runs.
  const script = readFileSync(widgetFile);
  const example = readFileSync(exampleFile, 'utf8');

  app.get('/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    return reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(script);
  });

  app.get('/chat/example', { schema: { hide: true, querystring: z.object({ key: z.string().max(100).default('demo') }) } }, async (request, reply) => {
    const origin = app.ctx.config.publicUrl.replace(/\/+$/, '');
    const page = example.replaceAll('{{KEY}}', escapeHtml(request.query.key)).replaceAll('{{ORIGIN}}', escapeHtml(origin));
    // The one Rapport page meant to be framed: by the sites its widget may be embedded on.
    const widget = await widgetByKey(db, request.query.key);
    reply.raw.removeHeader('x-frame-options');
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', widgetPagePolicy(widget?.active ? widget.allowedOrigins : null))
      .send(page);
  });

  const cors = (request: FastifyRequest, reply: FastifyReply, widget: WidgetRow) => {
    const origin = request.headers.origin;
    if (origin && originAllowed(widget, origin)) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  };

  app.get('/api/v1/chat/widgets/:key/config', {
    schema: {
      tags: ['chat'],
      summary: 'Public configuration of a chat widget (used by widget.js): name, colour, and whether the team is in now',
      params: z.object({ key: z.string().max(100) }),
      response: {
        200: z.object({ key: z.string(), name: z.string(), color: z.string(), language: z.string(), online: z.boolean(), nextOpening: z.string().nullable(), timeZone: z.string().nullable() }),
      },
    },
  }, async (request, reply) => {
    const widget = await widgetByKey(db, request.params.key);
    if (!widget || !widget.active) throw problem(404, 'No such chat widget.');
    if (!originAllowed(widget, request.headers.origin)) throw problem(403, 'This site may not embed this chat widget.');
    cors(request, reply, widget);
    const hours = await widgetHours(db, widget);
    return {
      key: widget.key, name: widget.name, color: widget.color, language: widget.defaultLanguage,
      online: hours.online, nextOpening: hours.nextOpening?.toISOString() ?? null, timeZone: hours.timeZone,
    };
  });

  // The link in the proof email. The token is in the path: query-string tokens are refused app-wide.
  app.get('/api/v1/chat/verify/:token', {
    schema: { tags: ['chat'], summary: 'Opens the link sent to a chat visitor’s email: proves the address and joins the chat to its contact', params: z.object({ token: z.string().min(20).max(200) }) },
  }, async (request, reply) => {
    const session = await confirmEmailProof(app.ctx, request.params.token);
    const language = session?.language ?? request.headers['accept-language']?.split(',')[0] ?? 'en';
    const strings = outboundStrings(language);
    const dir = isRtl(language) ? 'rtl' : 'ltr';
    const text = session ? strings.proofConfirmed : strings.proofExpired;
    return reply
      .code(session ? 200 : 410)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .send(`<!doctype html><html lang="${escapeHtml(language.split(/[-_]/)[0])}" dir="${dir}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(strings.proofSubject)}</title><body><p>${escapeHtml(text)}</p></body></html>`);
  });

  // Opened from customers' sites by design, and not by the session cookie (a visitor holds only
  // its chat secret): exempt from the cross-site check; the widget's own origin list applies.
  app.get('/api/v1/chat/ws', { websocket: true, config: { crossSite: true }, schema: { hide: true } }, async (socket, request) => {
    // Frames that arrive while the widget is looked up are held, not lost (the widget says hello at once).
    const early: Buffer[] = [];
    const hold = (data: Buffer) => early.push(data);
    socket.on('message', hold);
    const key = (request.query as Record<string, string | undefined>).key ?? '';
    const widget = key ? await widgetByKey(db, key) : null;
    if (!widget || !widget.active) {
      socket.close(4404, 'no such widget');
      return;
    }
    if (!originAllowed(widget, request.headers.origin)) {
      socket.close(4403, 'origin not allowed');
      return;
    }
    socket.off('message', hold);
    serveChatSocket(app.ctx, socket, widget);
    for (const data of early) socket.emit('message', data);
  });
}
