import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, use, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, unwrap } from '../api/client';
import type { User } from '../api/types';

interface SessionValue {
  /** The signed-in user, or null when signed out. */
  user: User | null;
  /** True until the first answer from `/auth/me`. */
  loading: boolean;
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  /** Replaces the cached user after a profile change (language, time zone, name). */
  setUser(user: User): void;
}

const SessionContext = createContext<SessionValue | null>(null);
const meKey = ['auth', 'me'] as const;

async function fetchMe(): Promise<User | null> {
  const { data, response } = await api.GET('/api/v1/auth/me');
  if (response.status === 401) return null;
  if (!response.ok || !data) throw new ApiError(response.status, undefined);
  return data.user;
}

/**
 * Holds who is signed in. The cookie is httpOnly, so the only way to know is to ask
 * `/auth/me`; a 401 from any later request drops the user back to the sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, retry: 1 });

  const setUser = useCallback((user: User | null) => queryClient.setQueryData(meKey, user), [queryClient]);
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
          setUser(null);
        }
      }),
    [queryClient, setUser, forgetData],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const { user } = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
      forgetData();
      setUser(user);
      return user;
    },
    [setUser, forgetData],
  );

  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/logout');
    forgetData();
    setUser(null);
  }, [setUser, forgetData]);

  const value = useMemo<SessionValue>(
    () => ({ user: me.data ?? null, loading: me.isPending, signIn, signOut, setUser }),
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

/** Customers see the portal; everyone else works in the agent workspace. */
export function isStaff(user: Pick<User, 'role'>): boolean {
  return user.role !== 'customer';
}
