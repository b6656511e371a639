import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { languageBody, loginBody, meSchema, sessionResponse } from '../../../src/http/schemas/session';
import { apiDelete, apiGet, apiPost, apiPut } from './client';
import { queryClient } from './query-client';
import { markSessionExpired, sessionExpiryArmed } from './session-expiry';

export type Me = z.infer<typeof meSchema>;
export type SessionResponse = z.infer<typeof sessionResponse>;
export type Language = z.infer<typeof languageBody>['language'];
export type LoginInput = z.input<typeof loginBody>;

export const sessionKey = ['session'] as const;

/**
 * The session as the server sees it. Inside the signed-in frame, a session that ended on the
 * server keeps the page as it is (what was typed stays) and opens the sign-in dialog instead.
 */
export async function fetchSession(): Promise<SessionResponse> {
  const session = await apiGet<SessionResponse>('/api/session');
  if (!session.user && sessionExpiryArmed()) {
    const before = queryClient.getQueryData<SessionResponse>(sessionKey);
    if (before?.user) {
      markSessionExpired();
      return before;
    }
  }
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data?.user) throw new Error('useMe outside of a signed-in area');
  return data.user;
}

export const login = (input: LoginInput) => apiPost<SessionResponse>('/api/session', input);
export const logout = () => apiDelete<{ ok: true }>('/api/session');
export const saveLanguage = (language: Language) =>
  apiPut<{ ok: true }>('/api/session/language', { language });

export function useSessionCache() {
  const client = useQueryClient();
  return {
    set: (value: SessionResponse) => client.setQueryData(sessionKey, value),
    clearAll: () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    },
  };
}

export const isStaff = (user: Me) => user.role !== 'customer';
export const isAdmin = (user: Me) => user.role === 'admin';
/** Who may approve account requests: staff for every company, managers for their own. */
export const canApproveAccounts = (user: Me) => isStaff(user) || user.isManager;
