/**
 * The web app's composition root: which capability plugs what into the ticket workspace. The
 * core (the ticket page, the composer, the queue) only declares its slots and reads them; the
 * capabilities' pages are named here, once, and nowhere else. Imported by `app.tsx` before the
 * first render.
 */
import { lazy } from 'react';
import { ChannelPicker as ChannelsPicker } from '../pages/channels/channel-picker';
import { channelsComposerExtension } from '../pages/channels/composer-extension';
import { cultureComposerExtension } from '../pages/culture/composer-extension';
import { macrosComposerExtension } from '../pages/macros/composer-extension';
import { channelPickers, composerExtensions } from '../tickets/composer-extensions';
import { ticketPanels } from '../tickets/panels';
import { queueColumns } from '../tickets/queue-columns';

composerExtensions.push(cultureComposerExtension, channelsComposerExtension, macrosComposerExtension);

channelPickers.push({ id: 'channels', order: 10, component: ChannelsPicker });

ticketPanels.push(
  { id: 'culture', order: 15, component: lazy(() => import('../pages/culture/culture-card')) },
  { id: 'sla', order: 20, component: lazy(() => import('../pages/sla/sla-panel')) },
  { id: 'patience', order: 30, component: lazy(() => import('../pages/sla/patience-panel')) },
  { id: 'promises', order: 40, component: lazy(() => import('../pages/sla/promises-panel')) },
  { id: 'customer', order: 100, component: lazy(() => import('../pages/tickets/panels/customer-panel')) },
  { id: 'channels', order: 110, component: lazy(() => import('../pages/channels/channels-panel')) },
  { id: 'links', order: 300, component: lazy(() => import('../pages/tickets/panels/links-panel')) },
);

queueColumns.push({ id: 'sla', order: 10, label: 'queue.col.sla', width: 176, component: lazy(() => import('../pages/sla/queue-sla-cell')) });
