/**
 * Macro bodies: `{{placeholder}}` parsing, checking and rendering. Pure, browser-safe, so the
 * editor can flag an unknown placeholder as the agent types, with the same rule the server applies.
 */

/** The placeholders a macro body may use. */
export const PLACEHOLDERS = ['contact.name', 'ticket.number', 'agent.name', 'promise.due'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a body uses, in order of first use, known or not. */
export function placeholdersIn(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(TOKEN)) seen.add(m[1]);
  return [...seen];
}

/** The placeholders of a body that Rapport does not know: a save with any of them is refused. */
export function unknownPlaceholders(body: string): string[] {
  return placeholdersIn(body).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
}

export type PlaceholderValues = Partial<Record<Placeholder, string | null>>;

/**
 * Fills a body's placeholders. A value we do not have (no promise yet, no contact) is left as
 * the visible placeholder and reported in `missing`, so the agent sees what to fill in by hand
 * rather than a silently empty gap in a customer's reply.
 */
export function renderBody(body: string, values: PlaceholderValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = body.replace(TOKEN, (whole, key: string) => {
    const v = values[key as Placeholder];
    if (v == null || v === '') {
      missing.add(key);
      return whole;
    }
    return v;
  });
  return { text, missing: [...missing] };
}
