import { z } from 'zod';

/** The sign-in page asks whether to offer the identity provider, and what a refusal it was sent back with says. */
export const ssoInfoQuery = z.object({ error: z.string().max(60).optional() });

export const ssoInfoResponse = z.object({
  /** The provider's name for the button, or null when single sign-on is not configured. */
  providerName: z.string().nullable(),
  /** The refusal of `?error=`, in the reader's language; null for a code that is no sign-in refusal. */
  error: z.string().nullable(),
});

export const ssoStartQuery = z.object({ next: z.string().max(2000).optional() });

/** The state is the portal's own (43 characters): anything much longer never came from a sign-in. */
export const ssoCallbackQuery = z.looseObject({ state: z.string().max(512).optional() });

/** Both legs answer with a redirect (to the provider, or back into the portal); no body. */
export const ssoRedirect = z.null().describe('Redirect: see the Location header');
