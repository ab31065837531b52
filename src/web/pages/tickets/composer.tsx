import { Badge, Button, Group, Menu, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconLock, IconMessage, IconSend } from '@tabler/icons-react';
import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { usePostMessage, useUpdateTicket } from '../../api/tickets';
import type { Ticket, TicketStatus } from '../../api/types';
import { ChannelIcon } from '../../components/channel-icon';
import { useCodeLabel, useT } from '../../i18n/use-t';
import { activeChannelPicker, extensionsFor, type ComposerContext, type ComposerKind } from '../../tickets/composer-extensions';
import { ComposerExtensionHost } from './composer-host';

const sendAndSet: TicketStatus[] = ['pending', 'on_hold', 'solved'];

/**
 * Reply and internal-note composer. Replies go out on the chosen channel (a channel picker can
 * be registered by the channels capability); notes stay inside the team. `r`/`n` jump here,
 * Ctrl+Enter sends.
 */
export function Composer({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const canReply = ticket.permissions.reply;
  const canNote = ticket.permissions.note;
  const [kind, setKind] = useState<ComposerKind>(canReply ? 'message' : 'note');
  const [text, setText] = useState('');
  const [pristine, setPristine] = useState(true);
  const [channel, setChannel] = useState(ticket.channel);
  const area = useRef<HTMLTextAreaElement>(null);
  const post = usePostMessage(ticket.id);
  const update = useUpdateTicket(ticket.id);

  useEffect(() => setChannel(ticket.channel), [ticket.id, ticket.channel]);

  const focus = (next: ComposerKind) => {
    if ((next === 'message' && !canReply) || (next === 'note' && !canNote)) return;
    setKind(next);
    window.setTimeout(() => area.current?.focus(), 0);
  };
  useHotkeys([
    ['r', () => focus('message')],
    ['n', () => focus('note')],
  ]);

  const insertText = useCallback((insert: string) => {
    const el = area.current;
    setPristine(false);
    if (!el || document.activeElement !== el) {
      setText((old) => (old ? `${old}\n${insert}` : insert));
      return;
    }
    const { selectionStart, selectionEnd, value } = el;
    setText(value.slice(0, selectionStart) + insert + value.slice(selectionEnd));
  }, []);

  const ctx = useMemo<ComposerContext>(
    () => ({ ticket, kind, channel, text, setText, insertText, setChannel }),
    [ticket, kind, channel, text, insertText],
  );
  const extensions = extensionsFor(kind);
  const Picker = activeChannelPicker()?.component;

  const send = async (status?: TicketStatus) => {
    const body = text.trim();
    if (!body || post.isPending) return;
    for (const ext of extensions) {
      if (ext.beforeSend && !(await ext.beforeSend(ctx))) return;
    }
    try {
      const message = await post.mutateAsync(kind === 'note' ? { kind, bodyText: body } : { kind, bodyText: body, channel });
      extensions.forEach((ext) => ext.afterSend?.(ctx, message));
      setText('');
      // Prefill is for the first reply only; an empty box after sending should stay empty.
      setPristine(false);
      if (status) await update.mutateAsync({ status });
    } catch (error) {
      notifications.show({ color: 'red', title: t('composer.failed'), message: error instanceof Error ? error.message : '' });
    }
  };

  if (!canReply && !canNote) return null;

  return (
    <Paper withBorder shadow="xs" p="sm" data-testid="composer" data-kind={kind} bg={kind === 'note' ? 'yellow.0' : undefined}>
      <Stack gap="xs">
        {/* Wraps on a phone rather than cutting "Internal note" or the channel picker. */}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => focus(v as ComposerKind)}
            data={[
              ...(canReply ? [{ value: 'message', label: <ModeLabel icon={<IconMessage size={14} />} text={t('composer.reply')} /> }] : []),
              ...(canNote ? [{ value: 'note', label: <ModeLabel icon={<IconLock size={14} />} text={t('composer.note')} /> }] : []),
            ]}
            data-testid="composer-mode"
          />
          {kind === 'message' ? (
            Picker ? (
              <Picker ticket={ticket} kind={kind} value={channel} onChange={setChannel} />
            ) : (
              <Badge variant="default" leftSection={<ChannelIcon channel={channel} size={12} />} tt="none" fw={500}>
                {t('composer.via', { channel: codeLabel('channel', channel) })}
              </Badge>
            )
          ) : (
            <Text size="xs" c="yellow.9">
              {t('composer.noteHint')}
            </Text>
          )}
        </Group>
        <Textarea
          ref={area}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPristine(false);
          }}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void send()]])}
          autosize
          minRows={4}
          maxRows={16}
          placeholder={t(kind === 'note' ? 'composer.notePlaceholder' : 'composer.replyPlaceholder')}
          aria-label={t(kind === 'note' ? 'composer.note' : 'composer.reply')}
          data-testid="composer-text"
          styles={{ input: { background: 'transparent' } }}
        />
        {extensions.map((ext) => (
          <ComposerExtensionHost key={ext.id} extension={ext} ctx={ctx} pristine={pristine} />
        ))}
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            {extensions.map((ext) => (ext.toolbar ? <Fragment key={ext.id}>{<ext.toolbar {...ctx} />}</Fragment> : null))}
          </Group>
          <Group gap={0} wrap="nowrap">
            <Button
              onClick={() => void send()}
              loading={post.isPending}
              disabled={!text.trim()}
              leftSection={<IconSend size={15} />}
              color={kind === 'note' ? 'yellow.8' : undefined}
              style={kind === 'message' ? { borderStartEndRadius: 0, borderEndEndRadius: 0 } : undefined}
              data-testid="composer-send"
            >
              {t(kind === 'note' ? 'composer.addNote' : 'composer.send')}
            </Button>
            {kind === 'message' && ticket.permissions.update && (
              <Menu position="top-end">
                <Menu.Target>
                  <Button
                    px={8}
                    disabled={!text.trim() || post.isPending}
                    aria-label={t('composer.sendAndSet')}
                    style={{ borderStartStartRadius: 0, borderEndStartRadius: 0, borderInlineStart: '1px solid rgba(255,255,255,0.35)' }}
                  >
                    <IconChevronDown size={15} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>{t('composer.sendAndSet')}</Menu.Label>
                  {sendAndSet.map((status) => (
                    <Menu.Item key={status} onClick={() => void send(status)}>
                      {t('composer.sendAs', { status: t(`ticket.status.${status}`) })}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

function ModeLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" px={4}>
      {icon}
      <span>{text}</span>
    </Group>
  );
}
