import { Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Message } from '../../api/types';
import { MessageItem } from './message-item';

/** The conversation, oldest first; scrolls the newest message into view when one arrives. */
export function Timeline({ messages, onSplit, hideNotes = false }: { messages: Message[]; onSplit?: (message: Message) => void; hideNotes?: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  const seen = useRef(count);
  useEffect(() => {
    // Follow a message that arrives while the page is open, never the initial render: comparing
    // with the last count (not a "first run" flag) also holds when effects run twice.
    if (count > seen.current) end.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    seen.current = count;
  }, [count]);
  return (
    <Stack gap="md" data-testid="timeline">
      {messages
        .filter((m) => !(hideNotes && m.kind === 'note'))
        .map((m) => (
          <MessageItem key={m.id} message={m} onSplit={onSplit} />
        ))}
      <div ref={end} />
    </Stack>
  );
}
