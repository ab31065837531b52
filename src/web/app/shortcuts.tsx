import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/use-t';

/** The keyboard shortcuts agents can use; listed in the help dialog (press `?`). */
export const shortcuts: { keys: string[]; label: string }[] = [
  { keys: ['/'], label: 'shortcuts.search' },
  { keys: ['c'], label: 'shortcuts.newTicket' },
  { keys: ['j', 'k'], label: 'shortcuts.move' },
  { keys: ['Enter'], label: 'shortcuts.open' },
  { keys: ['r'], label: 'shortcuts.reply' },
  { keys: ['n'], label: 'shortcuts.note' },
  { keys: ['Ctrl', 'Enter'], label: 'shortcuts.send' },
  { keys: ['Ctrl', 'Shift', 'M'], label: 'shortcuts.macro' },
  { keys: [':', ':'], label: 'shortcuts.macroColons' },
  { keys: ['?'], label: 'shortcuts.help' },
];

/** The "keyboard shortcuts" dialog. */
export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="sm">
      <Stack gap="xs">
        {shortcuts.map((s) => (
          <Group key={s.label} justify="space-between">
            <Text size="sm">{t(s.label)}</Text>
            <Group gap={4}>
              {s.keys.map((k, i) => (
                <Kbd key={`${k}${i}`} size="xs">
                  {k}
                </Kbd>
              ))}
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
