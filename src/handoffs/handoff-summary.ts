/**
 * Drafts the hand-off summary an agent edits before transferring a case, so the next person
 * (and the customer) never has to tell the story again (seed 004: "tell me the problem, again").
 * The draft is plain text built from the record only; no AI is needed for it.
 */

export interface TimelineEntry {
  at: Date;
  kind: 'message' | 'note' | 'event';
  direction: 'inbound' | 'outbound' | 'internal';
  authorName: string;
  channel: string;
  text: string;
}

export interface HandoffContext {
  subject: string;
  customerName: string | null;
  organisationName: string | null;
  fromOwner: string | null;
  toOwner: string | null;
  timeline: readonly TimelineEntry[];
  openPromises: readonly { dueAt: Date; channel: string }[];
  patienceScore: number | null;
  patienceReasons: readonly string[];
  /** Formats instants for the reader (their locale and zone). */
  formatInstant: (d: Date) => string;
}

const SNIPPET = 160;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
}

/**
 * Builds the draft: who the customer is, what they asked, what has been done and said so far,
 * what was promised and how patient they are. Internal notes are included because the summary
 * is for the next agent; the customer sees the transfer, not the summary's internal lines.
 */
export function draftHandoffSummary(ctx: HandoffContext): string {
  const lines: string[] = [];
  const who = [ctx.customerName, ctx.organisationName].filter(Boolean).join(', ');
  lines.push(`Case: ${ctx.subject}${who ? ` — ${who}` : ''}`);
  const inbound = ctx.timeline.filter((e) => e.kind === 'message' && e.direction === 'inbound');
  const channels = [...new Set(inbound.map((e) => e.channel))];
  if (inbound.length > 0)
    lines.push(`The customer has contacted us ${inbound.length} time(s) since ${ctx.formatInstant(inbound[0]!.at)}${channels.length ? ` (${channels.join(', ')})` : ''}.`);
  if (inbound[0]) lines.push(`They asked: "${snippet(inbound[0].text)}"`);
  const lastInbound = inbound[inbound.length - 1];
  if (lastInbound && lastInbound !== inbound[0]) lines.push(`Latest from them (${ctx.formatInstant(lastInbound.at)}): "${snippet(lastInbound.text)}"`);
  const done = ctx.timeline.filter((e) => e.direction !== 'inbound').slice(-5);
  if (done.length > 0) {
    lines.push('Done so far:');
    for (const e of done) lines.push(`- ${ctx.formatInstant(e.at)} ${e.authorName}${e.kind === 'note' ? ' (note)' : ''}: ${snippet(e.text)}`);
  }
  for (const p of ctx.openPromises) lines.push(`Promised: an update by ${ctx.formatInstant(p.dueAt)} via ${p.channel}.`);
  if (ctx.patienceScore !== null)
    lines.push(`Patience: ${ctx.patienceScore}/100${ctx.patienceReasons.length ? ` (${ctx.patienceReasons.join(', ')})` : ''}.`);
  if (ctx.fromOwner || ctx.toOwner) lines.push(`Handed over${ctx.fromOwner ? ` from ${ctx.fromOwner}` : ''}${ctx.toOwner ? ` to ${ctx.toOwner}` : ''}. Next step: `);
  else lines.push('Next step: ');
  return lines.join('\n');
}
