import { Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Message } from '../../api/types';
import { MessageItem } from './message-item';

/** The conversation, oldest first; scrolls the newest message into view when one arrives. */
export function Timeline({ messages, onSplit, hideNotes = false }: { messages: Message[]; onSplit?: (message: Message) => void; hideNotes?: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  const first = useRef(true);
  useEffect(() => {
    // Do not yank the page on first render; only follow new messages afterwards.
    if (first.current) {
      first.current = false;
      return;
    }
    end.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
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
