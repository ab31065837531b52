/**
 * Macro commands. Saving checks every placeholder (an unknown one is a 400 naming the variant);
 * applying changes the ticket through the tickets and patience commands in one transaction, with
 * an audit entry saying which macro did it.
 */
import { eq } from 'drizzle-orm';
import { diff, recordAudit } from '../audit/index.js';
import { notFound, problem } from '../errors/index.js';
import { makePromise } from '../patience/index.js';
import { inOneTransaction, updateTicket, type CommandContext, type TicketRow } from '../tickets/index.js';
import { getTeam, getUser } from '../users/index.js';
import { newId, type DbOrTx } from '../db/index.js';
import { renderMacro, type AddressChoice, type RenderedMacro } from './render.js';
import { macros, type MacroActions, type MacroRow } from './schema.js';
import { PLACEHOLDERS, unknownPlaceholders } from './template.js';
import type { MacroVariant } from './variant.js';

export interface MacroInput {
  title: string;
  scope: 'personal' | 'shared';
  teamId?: string | null;
  variants: MacroVariant[];
  actions?: MacroActions;
}

async function check(db: DbOrTx, input: Partial<MacroInput>): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  input.variants?.forEach((v, i) => {
    const unknown = unknownPlaceholders(v.body);
    if (unknown.length) errors.push({ path: `body.variants.${i}.body`, message: `unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; known: ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
  });
  const seen = new Set<string>();
  input.variants?.forEach((v, i) => {
    const key = `${v.language.toLowerCase()}|${v.register}`;
    if (seen.has(key)) errors.push({ path: `body.variants.${i}`, message: `a second ${v.register} variant in ${v.language}` });
    seen.add(key);
  });
  if (input.teamId && !(await getTeam(db, input.teamId))) errors.push({ path: 'body.teamId', message: 'no such team' });
  if (input.actions?.teamId && !(await getTeam(db, input.actions.teamId))) errors.push({ path: 'body.actions.teamId', message: 'no such team' });
  if (input.actions?.assigneeId) {
    const found = await getUser(db, input.actions.assigneeId);
    // Only someone on staff can own a case: a customer user is "no such agent" here.
    if (!found || found.user.role === 'customer') errors.push({ path: 'body.actions.assigneeId', message: 'no such agent' });
  }
  if (errors.length) throw problem(400, errors[0].path.endsWith('.body') ? `The macro uses a placeholder Rapport does not know: ${errors[0].message}.` : 'The macro is not valid.', { errors });
}

/** Creates a macro owned by the actor. */
export async function createMacro(ctx: CommandContext, ownerUserId: string, input: MacroInput): Promise<MacroRow> {
  await check(ctx.db, input);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(macros).values({
      id: newId(), title: input.title, scope: input.scope, ownerUserId, teamId: input.teamId ?? null, variants: input.variants, actions: input.actions ?? {},
    }).returning();
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'macro', entityId: row.id, action: 'create',
      changes: { title: { from: null, to: row.title }, scope: { from: null, to: row.scope }, variants: { from: null, to: row.variants.length } },
    });
    return row;
  });
}

/** Changes a macro; the audit entry keeps each changed field's before and after. */
export async function updateMacro(ctx: CommandContext, before: MacroRow, patch: Partial<MacroInput>): Promise<MacroRow> {
  await check(ctx.db, patch);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(macros).set({ ...patch, updatedAt: new Date() }).where(eq(macros.id, before.id)).returning();
    if (!row) throw notFound('Macro', before.id);
    await recordAudit(tx, { actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'macro', entityId: row.id, action: 'update', changes: diff(before, patch) });
    return row;
  });
}

/** Deletes a macro (tickets it was applied to keep their audit entries). */
export async function deleteMacro(ctx: CommandContext, macro: MacroRow): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(macros).where(eq(macros.id, macro.id));
    await recordAudit(tx, { actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'macro', entityId: macro.id, action: 'delete', changes: { title: { from: macro.title, to: null } } });
  });
}

/**
 * Applies a macro to a ticket: its status, tags and assignment through `updateTicket`, its
 * follow-up promise through patience's `makePromise`, and an audit entry on the ticket naming
 * the macro — all in one transaction. Returns the rendered text for the composer (not sent:
 * the agent reads and sends it).
 */
export async function applyMacro(
  ctx: CommandContext & { actorName: string },
  macro: MacroRow,
  ticket: TicketRow,
  options: { address?: AddressChoice } = {},
): Promise<{ rendered: RenderedMacro; ticket: TicketRow }> {
  const rendered = await renderMacro(ctx.db, macro, ticket, ctx.actorName, options);
  const a = macro.actions;
  const updated = await inOneTransaction(ctx, async (tx, command) => {
    let current = ticket;
    const wantsChange = a.status || a.addTags?.length || a.assigneeId !== undefined || a.teamId !== undefined;
    if (wantsChange) {
      current = await updateTicket(command, ticket.id, (before) => ({
        ...(a.status ? { status: a.status } : {}),
        ...(a.addTags?.length ? { tags: [...new Set([...before.tags, ...a.addTags])] } : {}),
        ...(a.assigneeId !== undefined && a.assigneeId !== null ? { assigneeId: a.assigneeId } : {}),
        ...(a.teamId !== undefined && a.teamId !== null ? { teamId: a.teamId } : {}),
      }), { summary: `Macro “${macro.title}”` });
    }
    if (rendered.promiseDueAt) {
      await makePromise({ ...command, actorName: ctx.actorName }, current, { dueAt: rendered.promiseDueAt, channel: current.channel, note: `Macro: ${macro.title}` });
    }
    await recordAudit(tx, {
      actorUserId: ctx.actorUserId, actorLabel: ctx.actorLabel, entity: 'ticket', entityId: ticket.id, action: 'macro',
      changes: { macro: { from: null, to: { id: macro.id, title: macro.title, variant: rendered.variantIndex, actions: a } } },
    });
    return current;
  });
  return { rendered, ticket: updated };
}
