import { ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconApi,
  IconBrandTelegram,
  IconBrandWechat,
  IconBrandWhatsapp,
  IconDeviceDesktop,
  IconMail,
  IconMessageCircle,
  IconMessageDots,
  IconNote,
  IconPhone,
  IconWorld,
  type TablerIcon,
} from '@tabler/icons-react';
import { useCodeLabel } from '../i18n/use-t';

/** Icons for the channels Rapport knows; channel plugins may add theirs with `registerChannelIcon`. */
const channelIcons: Record<string, TablerIcon> = {
  email: IconMail,
  web: IconWorld,
  portal: IconDeviceDesktop,
  chat: IconMessageCircle,
  phone: IconPhone,
  voice: IconPhone,
  whatsapp: IconBrandWhatsapp,
  telegram: IconBrandTelegram,
  sms: IconMessageDots,
  wechat: IconBrandWechat,
  api: IconApi,
  note: IconNote,
};

/** Lets a channel capability give its channel an icon everywhere the app shows one. */
export function registerChannelIcon(channel: string, icon: TablerIcon): void {
  channelIcons[channel] = icon;
}

/** The icon component for a channel, with a neutral fallback for unknown ones. */
export function channelIconFor(channel: string): TablerIcon {
  return channelIcons[channel] ?? IconMessageCircle;
}

/** A channel's icon with its translated name as tooltip and accessible label. */
export function ChannelIcon({ channel, size = 16, boxed = false }: { channel: string; size?: number; boxed?: boolean }) {
  const label = useCodeLabel()('channel', channel);
  const Icon = channelIconFor(channel);
  return (
    <Tooltip label={label}>
      {boxed ? (
        <ThemeIcon variant="light" color="gray" size={size + 8} radius="xl" aria-label={label}>
          <Icon size={size} stroke={1.8} />
        </ThemeIcon>
      ) : (
        <Icon size={size} stroke={1.8} aria-label={label} role="img" />
      )}
    </Tooltip>
  );
}
