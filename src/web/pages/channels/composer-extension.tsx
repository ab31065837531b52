import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTemplate } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useReplyChannels, useSendTemplate } from '../../api/channels';
import { ticketKeys } from '../../api/tickets';
import { DateTime } from '../../components/time-ago';
import { useT } from '../../i18n/use-t';
import type { ComposerContext, ComposerExtension, ComposerWarning } from '../../tickets/composer-extensions';

/** Warnings about the chosen channel, recomputed as the agent switches channels. */
function useChannelWarnings(ctx: ComposerContext): ComposerWarning[] {
  const t = useT();
  const { data } = useReplyChannels(ctx.ticket.id, ctx.kind === 'message');
  const option = data?.options.find((o) => o.channel === ctx.channel);
  if (!option) return [];
  if (option.channel === 'whatsapp' && option.reason === 'window_closed') {
    return [{
      id: 'whatsapp-window',
      level: 'danger',
      message: option.window?.closesAt ? (
        <>{t('channels.warning.windowClosedAt')} <DateTime value={option.window.closesAt} />. {t('channels.warning.templateOnly')}</>
      ) : (
        `${t('channels.warning.windowNever')} ${t('channels.warning.templateOnly')}`
      ),
    }];
  }
  if (!option.available && option.reason) return [{ id: 'unavailable', level: 'danger', message: t(`channels.reason.${option.reason}`) }];
  if (option.channel === 'chat' && option.visitorOnline === false) return [{ id: 'chat-away', level: 'info', message: t('channels.chat.away') }];
  return [];
}

/** "Send a WhatsApp template": shown while WhatsApp is the channel, essential once the window closed. */
function TemplateButton(ctx: ComposerContext) {
  const t = useT();
  const client = useQueryClient();
  const { data } = useReplyChannels(ctx.ticket.id, ctx.kind === 'message');
  const send = useSendTemplate(ctx.ticket.id);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState(ctx.ticket.language ?? 'en');
  const [parameters, setParameters] = useState('');
  const whatsapp = data?.options.find((o) => o.channel === 'whatsapp');
  if (ctx.channel !== 'whatsapp' || !whatsapp || !(whatsapp.available || whatsapp.templateOnly)) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(
      { name: name.trim(), language: language.trim(), parameters: parameters.split('\n').map((p) => p.trim()).filter(Boolean) },
      {
        onSuccess: () => {
          setOpen(false);
          void client.invalidateQueries({ queryKey: ticketKeys.messages(ctx.ticket.id) });
          notifications.show({ color: 'green', message: t('channels.template.sent') });
        },
      },
    );
  };
  return (
    <>
      <Button size="compact-xs" variant={whatsapp.templateOnly ? 'filled' : 'subtle'} leftSection={<IconTemplate size={14} />} onClick={() => setOpen(true)} data-testid="whatsapp-template">
        {t('channels.template.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('channels.template.title')}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput label={t('channels.template.name')} description={t('channels.template.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} dir="ltr" />
            <TextInput label={t('channels.template.language')} required value={language} onChange={(e) => setLanguage(e.currentTarget.value)} dir="ltr" />
            <Textarea label={t('channels.template.parameters')} description={t('channels.template.parametersHint')} autosize minRows={2} value={parameters} onChange={(e) => setParameters(e.currentTarget.value)} />
            {send.error && <TextInput error={send.error.message} readOnly variant="unstyled" value="" />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
              <Button type="submit" loading={send.isPending} disabled={!/^[a-z0-9_]+$/.test(name.trim())}>{t('channels.template.send')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** The channels' composer extension: channel warnings and the WhatsApp template button. */
export const channelsComposerExtension: ComposerExtension = {
  id: 'channels',
  order: 5,
  useWarnings: useChannelWarnings,
  toolbar: TemplateButton,
};
