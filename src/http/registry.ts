/**
 * The extension points of one Rapport app: ticket hooks, channel drivers, calendar usages and
 * whatever a capability lets others plug into. A capability declares a point (a typed key) in
 * its own code; the composition root (`src/server.ts`) fills one `Registry` per app, so two apps
 * in one process never see each other's entries — there is no module-level registry.
 */
export interface ExtensionPoint<T> {
  readonly id: string;
  /** Carries the entry type only; never set. */
  readonly entry?: T;
}

/** Declares an extension point; `id` only has to be unique across capabilities ("tickets.hooks"). */
export function extensionPoint<T>(id: string): ExtensionPoint<T> {
  return { id };
}

export class Registry {
  private readonly points = new Map<string, Map<string, unknown>>();

  /** Adds an entry under a name; adding the same name again replaces it (one hook per owner). */
  add<T>(point: ExtensionPoint<T>, name: string, entry: T): void {
    let entries = this.points.get(point.id);
    if (!entries) this.points.set(point.id, (entries = new Map()));
    entries.set(name, entry);
  }

  get<T>(point: ExtensionPoint<T>, name: string): T | undefined {
    return this.points.get(point.id)?.get(name) as T | undefined;
  }

  /** Entries in the order they were added: the order capabilities are listed in the root. */
  list<T>(point: ExtensionPoint<T>): T[] {
    return [...(this.points.get(point.id)?.values() ?? [])] as T[];
  }

  names<T>(point: ExtensionPoint<T>): string[] {
    return [...(this.points.get(point.id)?.keys() ?? [])];
  }
}
