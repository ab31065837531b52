import type { TicketPriority, TicketStatus } from './status.js';

/** The most tags a ticket keeps; the single-ticket API allows the same. */
export const maxTags = 50;

/** One change applied to many tickets from the queue: fields to set, tags to add or take off. */
export interface BulkTicketPatch {
  status?: TicketStatus;
  priority?: TicketPriority;
  /** null unassigns. */
  assigneeId?: string | null;
  /** null takes the ticket out of any team. */
  teamId?: string | null;
  addTags?: string[];
  removeTags?: string[];
}

/** The ticket fields a bulk change may set. */
export interface BulkFieldPatch {
  status?: TicketStatus;
  priority?: TicketPriority;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

interface TicketFields {
  tags: string[];
}

/**
 * The single-ticket patch a bulk change means for one ticket. Tags are added to and removed
 * from that ticket's own list (never replaced by one list for all), computed from the row
 * inside the ticket's transaction so a tag someone adds meanwhile is kept. Returns an error
 * text instead when the ticket would end up with too many tags.
 */
export function patchForTicket(ticket: TicketFields, bulk: BulkTicketPatch): { patch: BulkFieldPatch } | { error: string } {
  const patch: BulkFieldPatch = {};
  if (bulk.status !== undefined) patch.status = bulk.status;
  if (bulk.priority !== undefined) patch.priority = bulk.priority;
  if (bulk.assigneeId !== undefined) patch.assigneeId = bulk.assigneeId;
  if (bulk.teamId !== undefined) patch.teamId = bulk.teamId;
  const add = cleanTags(bulk.addTags);
  const remove = new Set(cleanTags(bulk.removeTags));
  if (add.length || remove.size) {
    const tags = [...new Set([...ticket.tags.filter((t) => !remove.has(t)), ...add.filter((t) => !remove.has(t))])];
    if (tags.length > maxTags) return { error: `The ticket would have ${tags.length} tags; at most ${maxTags} are allowed.` };
    // Unchanged tags stay out of the patch, so the audit trail does not show a change that was none.
    if (tags.length !== ticket.tags.length || tags.some((t, i) => t !== ticket.tags[i])) patch.tags = tags;
  }
  return { patch };
}

/** Whether a bulk patch asks for any change at all. */
export function isEmptyBulkPatch(bulk: BulkTicketPatch): boolean {
  return bulk.status === undefined && bulk.priority === undefined && bulk.assigneeId === undefined && bulk.teamId === undefined &&
    !cleanTags(bulk.addTags).length && !cleanTags(bulk.removeTags).length;
}

function cleanTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}
