import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ApiError } from '../api/client';
import { directionOf } from '../i18n/catalogue';
import { LocaleProvider } from '../i18n/locale-provider';
import { useRealtime } from './realtime';
import { createAppRouter } from './router';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

function Realtime() {
  const { user } = useSession();
  useRealtime(Boolean(user));
  return null;
}

/** The whole app: data cache, direction and theme, session, language, then the pages. */
export function App() {
  const [client] = useState(newQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={client}>
      <DirectionProvider initialDirection={directionOf(document.documentElement.lang || 'en')} detectDirection>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <SessionProvider>
            <LocaleProvider>
              <Notifications position="bottom-right" />
              <Realtime />
              <RouterProvider router={router} />
            </LocaleProvider>
          </SessionProvider>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
