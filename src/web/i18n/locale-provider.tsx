import { useDirection } from '@mantine/core';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { api, unwrap } from '../api/client';
import { useSession } from '../app/session';
import { defaultLocale, directionOf, loadedMessages, loadMessages, toSupportedLocale, type Locale } from './catalogue';

const storageKey = 'rapport.locale';

interface LocaleValue {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  timeZone: string;
  /** Switches the UI language now, remembers it in this browser and on the user's profile. */
  setLocale(locale: Locale): Promise<void>;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function browserLocale(): Locale {
  const stored = toSupportedLocale(safeStorage()?.getItem(storageKey));
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = toSupportedLocale(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // private modes may refuse storage; the UI still works, it just forgets.
  }
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface Shown {
  locale: Locale;
  messages: Record<string, string>;
}

/**
 * Chooses the UI language (profile → this browser's choice → browser language → English),
 * lays the document out in that language's direction and formats dates in the user's zone.
 * A language's messages are fetched when it is chosen; until they arrive the previous language
 * stays on screen (and nothing at all on the very first load, a blink rather than raw ids).
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { user, setUser } = useSession();
  const [wanted, setLocaleState] = useState<Locale>(browserLocale);
  const [shown, setShown] = useState<Shown | null>(() => {
    const messages = loadedMessages(wanted);
    return messages ? { locale: wanted, messages } : null;
  });
  const { setDirection } = useDirection();

  useEffect(() => {
    let live = true;
    loadMessages(wanted).then(
      (messages) => live && setShown({ locale: wanted, messages }),
      // Offline or a stale deploy: show what we have rather than nothing; ids beat a blank page.
      () => live && setShown((current) => current ?? { locale: wanted, messages: loadedMessages(defaultLocale) ?? {} }),
    );
    return () => {
      live = false;
    };
  }, [wanted]);

  const locale = shown?.locale ?? wanted;
  const dir = directionOf(locale);

  // The profile's language follows the user from device to device, so it wins once known.
  const profileLocale = toSupportedLocale(user?.locale);
  useEffect(() => {
    if (profileLocale && profileLocale !== wanted) {
      setLocaleState(profileLocale);
      safeStorage()?.setItem(storageKey, profileLocale);
    }
    // Deliberately keyed on the profile only: a local switch must not be undone by this effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileLocale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    setDirection(dir);
  }, [locale, dir, setDirection]);

  const setLocale = useCallback(
    async (next: Locale) => {
      setLocaleState(next);
      safeStorage()?.setItem(storageKey, next);
      if (user) {
        const { user: updated } = await unwrap(api.PATCH('/api/v1/auth/me', { body: { locale: next } }));
        setUser(updated);
      }
    },
    [user, setUser],
  );

  const timeZone = user?.timeZone || browserTimeZone();
  const value = useMemo(() => ({ locale, dir, timeZone, setLocale }), [locale, dir, timeZone, setLocale]);
  if (!shown) return null;
  return (
    <LocaleContext value={value}>
      <IntlProvider locale={shown.locale} messages={shown.messages} defaultLocale={defaultLocale} timeZone={timeZone}>
        {children}
      </IntlProvider>
    </LocaleContext>
  );
}

/** The chosen locale, its direction, the user's time zone and the setter for the language menu. */
export function useLocale(): LocaleValue {
  const value = use(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
