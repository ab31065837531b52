import { useCallback, useMemo, useRef, useState } from 'react';
import type { TicketSummary } from '../../api/types';

export interface QueueSelection {
  /** The selected tickets that are on screen, in queue order. */
  tickets: TicketSummary[];
  isSelected(id: string): boolean;
  /** Ticks or unticks one row; with `range`, every row from the last one clicked takes its new state (shift-click). */
  toggle(index: number, range: boolean): void;
  /** Ticks every loaded row, or unticks them all when they all are. */
  toggleAll(): void;
  allSelected: boolean;
  someSelected: boolean;
  /** Keeps only these ids selected (after a bulk change: the ones that failed). */
  keepOnly(ids: readonly string[]): void;
  clear(): void;
}

/**
 * Which queue rows are ticked. Ids are remembered, not row numbers, so a refetch that reorders
 * the queue keeps the right tickets; a ticket that has left the queue no longer counts.
 */
export function useQueueSelection(tickets: TicketSummary[]): QueueSelection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);

  const toggle = useCallback(
    (index: number, range: boolean) => {
      const id = tickets[index]?.id;
      if (!id) return;
      // Read before the state update: the updater may run later, after the anchor has moved.
      const from = range && anchor.current ? tickets.findIndex((t) => t.id === anchor.current) : -1;
      setSelected((current) => {
        const next = new Set(current);
        const check = !current.has(id);
        const [start, end] = from >= 0 ? [Math.min(from, index), Math.max(from, index)] : [index, index];
        for (const ticket of tickets.slice(start, end + 1)) {
          if (check) next.add(ticket.id);
          else next.delete(ticket.id);
        }
        return next;
      });
      anchor.current = id;
    },
    [tickets],
  );

  const onScreen = useMemo(() => tickets.filter((t) => selected.has(t.id)), [tickets, selected]);
  const allSelected = tickets.length > 0 && onScreen.length === tickets.length;

  const toggleAll = useCallback(() => {
    setSelected(allSelected ? new Set() : new Set(tickets.map((t) => t.id)));
    anchor.current = null;
  }, [allSelected, tickets]);

  return {
    tickets: onScreen,
    isSelected: (id) => selected.has(id),
    toggle,
    toggleAll,
    allSelected,
    someSelected: onScreen.length > 0,
    keepOnly: (ids) => setSelected(new Set(ids)),
    clear: () => {
      setSelected(new Set());
      anchor.current = null;
    },
  };
}
