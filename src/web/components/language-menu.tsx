import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { supportedLocales, type Locale } from '../i18n/catalogue';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';

/**
 * A language's name in that language ("עברית", "polski"), from the browser's CLDR data, so
 * anyone can find their own whatever language the UI is currently in.
 */
export function endonym(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** The language switcher; changing it relays out the page at once and saves the choice. */
export function LanguageMenu({ compact = false }: { compact?: boolean }) {
  const { locale, setLocale } = useLocale();
  const t = useT();
  return (
    <Menu position="bottom-end" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconLanguage size={16} />}
          aria-label={t('common.language')}
          data-testid="language-menu"
        >
          {compact ? locale.toUpperCase() : endonym(locale)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common.language')}</Menu.Label>
        {supportedLocales.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            data-locale={l}
            onClick={() => void setLocale(l)}
            rightSection={l === locale ? <IconCheck size={14} /> : null}
          >
            {endonym(l)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
