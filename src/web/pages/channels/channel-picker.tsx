import { Badge, Button, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown, IconSparkles } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useReplyChannels, type ReplyOption } from '../../api/channels';
import { ChannelIcon } from '../../components/channel-icon';
import { useCodeLabel, useT } from '../../i18n/use-t';
import type { ChannelPickerProps } from '../../tickets/composer-extensions';

/**
 * The composer's channel picker: every channel the reply could go out on, the ones that cannot
 * be used greyed out with the reason (not connected, no address, WhatsApp's 24-hour window
 * closed), and the default chosen for the agent — the channel the customer last used, else the
 * culture policy's preferred one — which the agent can still change.
 */
export function ChannelPicker({ ticket, value, onChange }: ChannelPickerProps) {
  const t = useT();
  const codeLabel = useCodeLabel();
  const query = useReplyChannels(ticket.id);
  const touched = useRef(false);
  const data = query.data;

  // Apply the server's default once per ticket, unless the agent already picked.
  useEffect(() => {
    touched.current = false;
  }, [ticket.id]);
  useEffect(() => {
    if (!data || touched.current || !data.default || data.default === value) return;
    onChange(data.default);
  }, [data, value, onChange]);

  const options = (data?.options ?? []).filter((o) => o.channel !== 'phone' || o.address);
  const current = options.find((o) => o.channel === value);
  const phone = options.find((o) => o.channel === 'phone');
  const reasonText = (o: ReplyOption) => (o.reason ? t(`channels.reason.${o.reason}`) : o.channel === 'chat' && o.visitorOnline === false ? t('channels.chat.away') : null);

  return (
    <Menu position="bottom-end" withinPortal width={320}>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<ChannelIcon channel={value} size={14} />}
          rightSection={<IconChevronDown size={12} />}
          color={current && !current.available ? 'red' : undefined}
          data-testid="channel-picker"
          data-channel={value}
        >
          {t('channels.picker.via', { channel: codeLabel('channel', value) })}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('channels.picker.title')}</Menu.Label>
        {options
          .filter((o) => o.channel !== 'phone')
          .map((o) => (
            <Menu.Item
              key={o.channel}
              disabled={!o.available}
              leftSection={<ChannelIcon channel={o.channel} size={16} />}
              rightSection={data?.default === o.channel ? <Badge size="xs" variant="light">{t(`channels.default.${data.defaultReason}`)}</Badge> : null}
              onClick={() => {
                touched.current = true;
                onChange(o.channel);
              }}
              data-testid={`channel-option-${o.channel}`}
            >
              <Stack gap={0}>
                <Text size="sm">{codeLabel('channel', o.channel)}</Text>
                {o.address && o.channel !== 'chat' && (
                  <Text size="xs" c="dimmed" dir="ltr">
                    {o.address}
                  </Text>
                )}
                {reasonText(o) && (
                  <Text size="xs" c={o.available ? 'dimmed' : 'red'}>
                    {reasonText(o)}
                  </Text>
                )}
              </Stack>
            </Menu.Item>
          ))}
        {phone?.address && (
          <>
            <Menu.Divider />
            <Menu.Item leftSection={<ChannelIcon channel="phone" size={16} />} component="a" href={`tel:${phone.address}`}>
              <Text size="sm">{t('channels.picker.call', { number: phone.address })}</Text>
            </Menu.Item>
          </>
        )}
        {data?.policy && data.policy.channels.length > 0 && (
          <>
            <Menu.Divider />
            <Tooltip label={data.policy.why ?? ''} multiline w={280} disabled={!data.policy.why} withinPortal>
              <Group gap={6} px="sm" py={6} wrap="nowrap">
                <IconSparkles size={14} />
                <Text size="xs" c="dimmed">
                  {t('channels.picker.policy', { channels: data.policy.channels.slice(0, 3).map((c) => codeLabel('channel', c)).join(' · ') })}
                </Text>
              </Group>
            </Tooltip>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
