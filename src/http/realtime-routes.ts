import type { App } from './context.js';
import { isStaff } from '../policies/index.js';

/** The browser's live channel: ticket updates, new messages, call screen pops. */
export default async function realtimeRoutes(app: App) {
  // Browsers open WebSockets to any site with its cookies: the cross-site check
  // (src/http/cross-site.ts) refuses the handshake, with 403, unless Origin is Rapport's own.
  app.get('/api/v1/realtime', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const actor = request.actor;
    if (!actor) {
      socket.close(4401, 'sign in first');
      return;
    }
    const off = app.ctx.realtime.subscribe({
      userId: actor.userId,
      staff: isStaff(actor),
      organisationId: actor.organisationId,
      send: (event) => socket.send(JSON.stringify({ type: event.type, data: event.data })),
    });
    socket.on('close', off);
    socket.send(JSON.stringify({ type: 'hello', data: { userId: actor.userId } }));
  });
}
