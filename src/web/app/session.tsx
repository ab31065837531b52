import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, unwrap } from '../api/client';
import type { Me, PermissionMap, User } from '../api/types';

interface SessionValue {
  /** The signed-in user, or null when signed out. */
  user: User | null;
  /** What the signed-in user may do (read it through `usePermission`); null when signed out. */
  permissions: PermissionMap | null;
  /** True until the first answer from `/auth/me`. */
  loading: boolean;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Replaces the cached user after a profile change (language, time zone, name). */
  setUser(user: User): void;
}

const SessionContext = createContext<SessionValue | null>(null);
const meKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  const { data, response } = await api.GET('/api/v1/auth/me');
  if (response.status === 401) return null;
  if (!response.ok || !data) throw new ApiError(response.status, undefined);
  return data;
}

/**
 * Holds who is signed in. The cookie is httpOnly, so the only way to know is to ask
 * `/auth/me`; a 401 from any later request drops the user back to the sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, retry: 1 });

  const setMe = useCallback((me: Me | null) => queryClient.setQueryData(meKey, me), [queryClient]);
  // A profile change does not change what the user may do: the permissions are kept.
  const setUser = useCallback(
    (user: User) => queryClient.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, user } : me)),
    [queryClient],
  );
  // Drops every cached answer that belonged to the previous user. The session query itself is
  // kept (and overwritten) rather than removed: removing it would orphan this provider's observer.
  const forgetData = useCallback(
    () => queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] }),
    [queryClient],
  );

  useEffect(
    () =>
      onUnauthorized(() => {
        if (queryClient.getQueryData(meKey)) {
          forgetData();
          setMe(null);
        }
      }),
    [queryClient, setMe, forgetData],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const me = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      forgetData();
      setMe(me);
      return me;
    },
    [setMe, forgetData],
  );

  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/logout');
    forgetData();
    setMe(null);
  }, [setMe, forgetData]);

  const value = useMemo<SessionValue>(
    () => ({ user: me.data?.user ?? null, permissions: me.data?.permissions ?? null, loading: me.isPending, signIn, signOut, setUser }),
    [me.data, me.isPending, signIn, signOut, setUser],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

/** The current session; every page under the providers can call it. */
export function useSession(): SessionValue {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user, for pages that are only reachable when signed in. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser called while signed out');
  return user;
}
