import { ActionIcon, Badge, Group, Menu, Text } from '@mantine/core';
import { IconArrowsSplit, IconDots, IconFileCode, IconLock, IconPaperclip, IconRobot } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import type { Message } from '../../api/types';
import { usePermission } from '../../app/use-permission';
import { ChannelIcon } from '../../components/channel-icon';
import { PersonAvatar } from '../../components/person-avatar';
import { TimeAgo } from '../../components/time-ago';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { useCallLogText, useEventText } from '../../tickets/event-text';
import { MessageBody } from './message-body';
import classes from './timeline.module.css';

/** File sizes in the user's number format ("1,2 MB" in Polish). */
function useFileSize(): (bytes: number) => string {
  const intl = useIntl();
  return (bytes) =>
    bytes >= 1_000_000
      ? intl.formatNumber(bytes / 1_000_000, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : intl.formatNumber(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });
}

/**
 * One entry of the conversation: a customer message, our reply, an internal note (yellow,
 * dashed, with a lock) or a system event (a thin line). Bodies use `dir="auto"` so a Hebrew
 * message reads correctly inside an English UI and vice versa; an HTML email keeps its
 * formatting through `MessageBody`.
 */
export function MessageItem({ message, onSplit }: { message: Message; onSplit?: (message: Message) => void }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const fileSize = useFileSize();
  const eventText = useEventText();
  const callLogText = useCallLogText();
  const canSeeOriginal = usePermission('ticket', 'original');

  if (message.kind === 'event') {
    return (
      <div className={classes.event} data-testid="timeline-event">
        <IconRobot size={14} />
        {/* In the reader's language where the event is known; the English record otherwise. */}
        <span dir="auto">{eventText(message) ?? message.bodyText}</span>
        <TimeAgo value={message.createdAt} />
      </div>
    );
  }

  const isNote = message.kind === 'note';
  const verb = isNote
    ? t('timeline.note')
    : t(message.direction === 'inbound' ? 'timeline.wroteVia' : 'timeline.repliedVia', { channel: codeLabel('channel', message.channel) });

  return (
    <div className={classes.item} data-testid={isNote ? 'timeline-note' : 'timeline-message'} data-direction={message.direction}>
      <PersonAvatar name={message.author.name} id={message.author.id} size={32} mt={2} />
      <div className={classes.bubble} data-kind={message.kind} data-direction={message.direction}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap={6} wrap="wrap" miw={0}>
            <Text size="sm" fw={600} truncate>
              <bdi>{message.author.name}</bdi>
            </Text>
            {isNote ? (
              <Badge size="xs" color="yellow" variant="light" leftSection={<IconLock size={10} />}>
                {verb}
              </Badge>
            ) : (
              <Group gap={4} c="dimmed" wrap="nowrap">
                <ChannelIcon channel={message.channel} size={14} />
                <Text size="xs" c="dimmed">
                  {verb}
                </Text>
              </Group>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <TimeAgo value={message.createdAt} />
            {onSplit && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" size="sm" className={classes.menu} aria-label={t('timeline.actions')}>
                    <IconDots size={14} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconArrowsSplit size={14} />} onClick={() => onSplit(message)}>
                    {t('timeline.split')}
                  </Menu.Item>
                  {canSeeOriginal && message.channel === 'email' && message.direction === 'inbound' && (
                    <Menu.Item component="a" href={`/api/v1/messages/${message.id}/original`} download leftSection={<IconFileCode size={14} />} data-testid="message-original">
                      {t('timeline.original')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        {/* A logged call reads in the reader's language; everything else is the message itself. */}
        {callLogText(message) !== null ? (
          <Text size="sm" data-testid="call-log-text">
            {callLogText(message)}
          </Text>
        ) : (
          <MessageBody message={message} />
        )}
        {message.attachments.length > 0 && (
          <Group gap={6} mt="xs">
            {message.attachments.map((a) => (
              <Badge
                key={a.id}
                component="a"
                href={`/api/v1/attachments/${a.id}`}
                target="_blank"
                rel="noopener"
                variant="default"
                radius="sm"
                leftSection={<IconPaperclip size={12} />}
                tt="none"
                fw={500}
                style={{ cursor: 'pointer' }}
              >
                <bdi>{a.filename}</bdi> · {fileSize(a.size)}
              </Badge>
            ))}
          </Group>
        )}
      </div>
    </div>
  );
}
