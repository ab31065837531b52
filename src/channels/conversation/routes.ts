/**
 * The channels' endpoints on tickets and contacts: reply options for the composer's channel
 * picker, delivery status of replies, WhatsApp templates (the only thing allowed outside the
 * 24-hour window), and a contact's identities across channels.
 */
import { z } from 'zod';
import { getContact } from '../../customers/index.js';
import { requireActor } from '../../http/index.js';
import type { App } from '../../http/index.js';
import { iso } from '../../http/index.js';
import { notFound, problem } from '../../errors/index.js';
import { idParams, idSchema } from '../../http/index.js';
import { authorize, isStaff, type Actor } from '../../policies/index.js';
import { addMessage } from '../../tickets/index.js';
import { presentMessages } from '../../tickets/index.js';
import { getTicket } from '../../tickets/index.js';
import { attachIdentity, detachIdentity } from '../identity/commands.js';
import { identitiesOf, type IdentityRow } from '../identity/store.js';
import { normalisePhone } from '../phone/normalise.js';
import { replyOptions } from './reply-options.js';
import { channelMessagesOfTicket } from './store.js';

const tags = ['channels'];

const replyOptionSchema = z.object({
  channel: z.string(),
  available: z.boolean(),
  reason: z.enum(['not_configured', 'no_recipient', 'window_closed', 'voice_only']).nullable(),
  address: z.string().nullable(),
  window: z.object({ open: z.boolean(), closesAt: z.string().nullable() }).optional(),
  templateOnly: z.boolean().optional(),
  visitorOnline: z.boolean().optional(),
});
const replyOptionsSchema = z
  .object({
    options: z.array(replyOptionSchema),
    default: z.string().nullable(),
    defaultReason: z.enum(['last-used', 'policy', 'first-available', 'none']),
    lastUsed: z.string().nullable(),
    policy: z.object({ channels: z.array(z.string()), why: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'ReplyChannels' });

const deliverySchema = z
  .object({
    messageId: z.string().nullable(),
    channel: z.string(),
    direction: z.enum(['inbound', 'outbound']),
    status: z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed']),
    address: z.string().nullable(),
    externalId: z.string().nullable(),
    error: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ChannelDelivery' });

const identitySchema = z
  .object({
    id: z.string(),
    contactId: z.string(),
    kind: z.enum(['email', 'phone', 'telegram', 'chat']),
    value: z.string(),
    label: z.string().nullable(),
    lastChannel: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'ContactIdentity' });

const presentIdentity = (r: IdentityRow) => ({
  id: r.id, contactId: r.contactId, kind: r.kind, value: r.value, label: r.label, lastChannel: r.lastChannel, lastSeenAt: iso(r.lastSeenAt),
});

export default async function conversationRoutes(app: App) {
  const { db } = app.ctx;

  async function staffTicket(actor: Actor, id: string) {
    const ticket = await getTicket(db, id);
    if (!ticket) throw notFound('Ticket', id);
    authorize(actor, 'read', 'ticket', ticket);
    if (!isStaff(actor)) throw problem(403, 'Only staff choose reply channels.');
    return ticket;
  }

  app.get('/api/v1/tickets/:id/reply-channels', {
    schema: { tags, summary: 'Channels a reply can go out on, the default (channel the customer last used, else the culture policy) and why others cannot', params: idParams, response: { 200: replyOptionsSchema } },
  }, async (request) => {
    const ticket = await staffTicket(requireActor(request), request.params.id);
    return replyOptions(app.ctx, ticket);
  });

  app.get('/api/v1/tickets/:id/deliveries', {
    schema: { tags, summary: 'What crossed which channel on this ticket, with delivery status (sent, delivered, read, failed)', params: idParams, response: { 200: z.object({ items: z.array(deliverySchema), nextCursor: z.null() }) } },
  }, async (request) => {
    const ticket = await staffTicket(requireActor(request), request.params.id);
    const rows = await channelMessagesOfTicket(db, ticket.id);
    return {
      items: rows.map((r) => ({
        messageId: r.messageId, channel: r.channel, direction: r.direction, status: r.status, address: r.address, externalId: r.externalId, error: r.error, updatedAt: iso(r.updatedAt)!,
      })),
      nextCursor: null,
    };
  });

  app.post('/api/v1/tickets/:id/whatsapp-template', {
    schema: {
      tags,
      summary: 'Send an approved WhatsApp template (allowed outside the 24-hour customer-service window)',
      params: idParams,
      body: z.object({ name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be a template name such as order_update'), language: z.string().min(2).max(15), parameters: z.array(z.string().max(1024)).max(20).default([]) }),
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const ticket = await staffTicket(actor, request.params.id);
    authorize(actor, 'reply', 'ticket', ticket);
    const b = request.body;
    const { message } = await addMessage({ db, realtime: app.ctx.realtime, registry: app.ctx.registry, actorUserId: actor.userId }, ticket.id, {
      kind: 'message',
      direction: 'outbound',
      channel: 'whatsapp',
      author: { userId: actor.userId },
      bodyText: `WhatsApp template “${b.name}” (${b.language})${b.parameters.length ? `: ${b.parameters.join(' · ')}` : ''}`,
      metadata: { template: { name: b.name, language: b.language, parameters: b.parameters } },
    });
    const [presented] = await presentMessages(db, [message]);
    return reply.status(201).send(presented);
  });

  app.get('/api/v1/contacts/:id/identities', {
    schema: { tags, summary: "A contact's addresses on every channel (emails, numbers, chats)", params: idParams, response: { 200: z.object({ items: z.array(identitySchema), nextCursor: z.null() }) } },
  }, async (request) => {
    const actor = requireActor(request);
    authorize(actor, 'read', 'contact_identity');
    if (!(await getContact(db, request.params.id))) throw notFound('Contact', request.params.id);
    return { items: (await identitiesOf(db, request.params.id)).map(presentIdentity), nextCursor: null };
  });

  app.post('/api/v1/contacts/:id/identities', {
    schema: {
      tags,
      summary: 'Attach an address to a contact (moves it from another contact if needed; audited)',
      params: idParams,
      body: z.object({ kind: z.enum(['email', 'phone', 'telegram']), value: z.string().min(1).max(320), label: z.string().max(200).nullable().optional() }),
      response: { 201: identitySchema },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'contact_identity');
    if (!(await getContact(db, request.params.id))) throw notFound('Contact', request.params.id);
    let value = request.body.value.trim();
    if (request.body.kind === 'phone') {
      const phone = normalisePhone(value);
      if (!phone) throw problem(400, `"${value}" is not a phone number; write it with its country code, e.g. +48 22 123 45 67.`, { errors: [{ path: 'body.value', message: 'not a phone number' }] });
      value = phone.e164;
    }
    if (request.body.kind === 'email' && !z.string().email().safeParse(value).success) {
      throw problem(400, `"${value}" is not an email address.`, { errors: [{ path: 'body.value', message: 'not an email address' }] });
    }
    const row = await attachIdentity({ db, actorUserId: actor.userId }, request.params.id, { kind: request.body.kind, value, label: request.body.label ?? null });
    return reply.status(201).send(presentIdentity(row));
  });

  app.delete('/api/v1/contacts/:id/identities/:identityId', {
    schema: { tags, summary: 'Detach an address from a contact (audited)', params: z.object({ id: idSchema, identityId: idSchema }) },
  }, async (request, reply) => {
    const actor = requireActor(request);
    authorize(actor, 'update', 'contact_identity');
    await detachIdentity({ db, actorUserId: actor.userId }, request.params.id, request.params.identityId);
    return reply.status(204).send();
  });
}
