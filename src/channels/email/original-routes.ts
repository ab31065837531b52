/** "Show original": the email exactly as it arrived, for the desk (headers, every part, as received). */
import { and, eq } from 'drizzle-orm';
import { notFound } from '../../errors/index.js';
import { idParams, requireActor, type App } from '../../http/index.js';
import { authorize, can } from '../../policies/index.js';
import { getTicket } from '../../tickets/index.js';
import { channelMessages } from '../schema.js';
import { getOriginal } from './originals.js';

export default async function originalRoutes(app: App) {
  const { db } = app.ctx;
  app.get('/api/v1/messages/:id/original', {
    schema: { tags: ['channels'], summary: 'The original email of an inbound message, as received (message/rfc822 download; staff only)', params: idParams },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const [record] = await db
      .select({ ticketId: channelMessages.ticketId })
      .from(channelMessages)
      .where(and(eq(channelMessages.messageId, request.params.id), eq(channelMessages.direction, 'inbound'), eq(channelMessages.channel, 'email')));
    const ticket = record ? await getTicket(db, record.ticketId) : null;
    // One answer for unknown, foreign and not-yours: nothing says the message exists.
    if (!ticket || !can(actor, 'read', 'ticket', ticket)) throw notFound('Message', request.params.id);
    authorize(actor, 'original', 'ticket', ticket);
    const raw = await getOriginal(db, request.params.id);
    if (!raw) throw notFound('Original', request.params.id);
    return reply
      .header('content-type', 'message/rfc822')
      .header('content-disposition', `attachment; filename="message-${request.params.id}.eml"`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private')
      .send(raw);
  });
}
