import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ssoInfoResponse } from '../../../src/http/schemas/sso';
import { apiGet } from './client';

export type SsoInfo = z.infer<typeof ssoInfoResponse>;

/** Whether to offer the identity provider, and the text of the refusal the page was sent back with. */
export function useSsoInfo(error: string | null, language: string) {
  const query = error ? `?error=${encodeURIComponent(error)}` : '';
  return useQuery({
    queryKey: ['sso-info', error, language],
    queryFn: () => apiGet<SsoInfo>(`/api/session/sso${query}`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** The address that starts a sign-in through the provider, coming back to `next` inside the portal. */
export const ssoStartUrl = (next: string) =>
  `/api/session/sso/start${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;
