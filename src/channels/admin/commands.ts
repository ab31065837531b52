/**
 * Commands of channel administration. Each opens one transaction in which the setting changes
 * and its audit entry is written, so the trail never shows a change that did not happen (or
 * misses one that did).
 */
import { recordAudit } from '../../audit/index.js';
import { isUniqueViolation, type Db, type Tx } from '../../db/index.js';
import { notFound, problem } from '../../errors/index.js';
import { createWidget, deleteWidget, getWidget, updateWidget, type WidgetRow } from '../chat/store.js';
import { createMailbox, deleteMailbox, updateMailbox, type MailboxRow } from '../email/store.js';
import { resolveFailure } from '../failures/store.js';
import { setAgentPhone } from '../phone/store.js';
import { setChannelRoute } from '../routing.js';

export interface SettingsContext {
  db: Db;
  actorUserId: string | null;
}

type MailboxColumns = Parameters<typeof createMailbox>[1];
type WidgetColumns = Parameters<typeof updateWidget>[2];

/** One change and its audit entry (entity `channel_setting`; `shown` is what the trail keeps of the input). */
async function audited<T>(ctx: SettingsContext, entityId: (result: T) => string, action: string, shown: Record<string, unknown>, change: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const result = await change(tx);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, entity: 'channel_setting', entityId: entityId(result), action, changes: { value: { from: null, to: shown } } });
    return result;
  });
}

export async function addMailbox(ctx: SettingsContext, columns: MailboxColumns, shown: Record<string, unknown>): Promise<MailboxRow> {
  return audited(ctx, (row: MailboxRow) => row.id, 'create_mailbox', shown, (tx) => createMailbox(tx, columns)).catch((err) => {
    if (isUniqueViolation(err)) throw problem(409, `${columns.address} is already a mailbox.`);
    throw err;
  });
}

export async function changeMailbox(ctx: SettingsContext, id: string, columns: Parameters<typeof updateMailbox>[2], shown: Record<string, unknown>): Promise<MailboxRow> {
  return audited(ctx, () => id, 'update_mailbox', shown, async (tx) => {
    const row = await updateMailbox(tx, id, columns);
    if (!row) throw notFound('Mailbox', id);
    return row;
  });
}

export async function removeMailbox(ctx: SettingsContext, id: string): Promise<void> {
  await audited(ctx, () => id, 'delete_mailbox', {}, async (tx) => {
    if (!(await deleteMailbox(tx, id))) throw notFound('Mailbox', id);
  });
}

export async function addWidget(ctx: SettingsContext, input: Parameters<typeof createWidget>[1]): Promise<WidgetRow> {
  return audited(ctx, (row: WidgetRow) => row.id, 'create_widget', input, (tx) => createWidget(tx, input));
}

export async function changeWidget(ctx: SettingsContext, id: string, patch: WidgetColumns): Promise<WidgetRow> {
  return audited(ctx, () => id, 'update_widget', patch, async (tx) => {
    if (!(await getWidget(tx, id))) throw notFound('Widget', id);
    return (await updateWidget(tx, id, patch))!;
  });
}

export async function removeWidget(ctx: SettingsContext, id: string): Promise<void> {
  await audited(ctx, () => id, 'delete_widget', {}, async (tx) => {
    if (!(await deleteWidget(tx, id))) throw notFound('Widget', id);
  });
}

export async function routeChannel(ctx: SettingsContext, channel: string, teamId: string | null): Promise<void> {
  await audited(ctx, () => `route:${channel}`, 'set_channel_route', { teamId }, (tx) => setChannelRoute(tx, channel, teamId));
}

/** `e164` is already normalised; userId null takes the number away. */
export async function assignAgentPhone(ctx: SettingsContext, e164: string, userId: string | null): Promise<void> {
  await audited(ctx, () => `agent-phone:${e164}`, 'set_agent_phone', { userId }, (tx) => setAgentPhone(tx, e164, userId));
}

export async function resolveInboundFailure(ctx: SettingsContext, id: string): Promise<void> {
  await audited(ctx, () => id, 'resolve_inbound_failure', {}, async (tx) => {
    if (!(await resolveFailure(tx, id))) throw notFound('Failure', id);
  });
}

/**
 * Records the outcome of processing a kept email again. The email itself went through the
 * inbound commands (its ticket and message are audited there); this settles the kept copy.
 */
export async function settleRetriedFailure(ctx: SettingsContext, id: string, outcome: string, delivered: boolean): Promise<void> {
  await audited(ctx, () => id, 'retry_inbound_failure', { outcome }, async (tx) => {
    if (delivered) await resolveFailure(tx, id);
  });
}
