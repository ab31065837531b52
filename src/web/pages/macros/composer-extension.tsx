/** Macros in the reply composer: a toolbar button, Ctrl/Cmd+Shift+M and `::` open the picker. */
import { Button, Tooltip } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { usePermission } from '../../app/use-permission';
import { useT } from '../../i18n/use-t';
import type { ComposerContext, ComposerExtension } from '../../tickets/composer-extensions';
import { MacroPickerDialog } from './macro-picker';

function MacroButton(ctx: ComposerContext) {
  const t = useT();
  const [opened, setOpened] = useState(false);
  const allowed = usePermission('macro', 'list');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'm') {
        e.preventDefault();
        setOpened(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Typing "::" opens the picker; the two colons go (the macro's text takes their place).
  const { text, setText } = ctx;
  useEffect(() => {
    if (text.endsWith('::')) {
      setText(text.slice(0, -2));
      setOpened(true);
    }
  }, [text, setText]);
  if (!allowed) return null;
  return (
    <>
      <Tooltip label={t('macros.button.hint')}>
        <Button size="compact-xs" variant="subtle" leftSection={<IconTemplate size={14} />} onClick={() => setOpened(true)} data-testid="macro-open">
          {t('macros.button')}
        </Button>
      </Tooltip>
      <MacroPickerDialog ctx={ctx} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

export const macrosComposerExtension: ComposerExtension = { id: 'macros', order: 30, kinds: ['message', 'note'], toolbar: MacroButton };
