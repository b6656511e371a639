import * as client from 'openid-client';
import { type Config, isLoopbackUrl } from '../../config';
import { AppError } from '../errors/index';
import { type OidcTransaction, oidcTransactionMinutes } from './oidc-transaction';

/**
 * The portal's side of the OpenID Connect authorization code flow with PKCE, on the certified
 * `openid-client`: discovery from the issuer URL, the authorization request, and the checks of the
 * provider's answer (state, PKCE, ID token signature, issuer, audience, nonce).
 */
export interface OidcGateway {
  readonly providerName: string;
  /** The provider's authorization URL and the transaction the callback will check against. */
  begin(input: {
    redirectUri: string;
    next: string;
    now: Date;
  }): Promise<{ url: URL; transaction: OidcTransaction }>;
  /** The verified claims of the person the provider sends back (ID token merged with userinfo). */
  finish(callbackUrl: URL, transaction: OidcTransaction): Promise<Record<string, unknown>>;
}

type OidcSettings = Pick<
  Config,
  'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_PROVIDER_NAME' | 'OIDC_SCOPES'
>;

/** Seconds each request to the provider may take before the sign-in is told it is unreachable. */
const requestTimeoutSeconds = 10;

export function oidcGateway(config: OidcSettings): OidcGateway | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId } = config;
  if (!issuer || !clientId) return null;
  let discovered: Promise<client.Configuration> | null = null;
  // Discovered once, at the first sign-in, so the portal starts even while the provider is away;
  // a failed discovery is forgotten so the next attempt tries again.
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(issuer),
        clientId,
        undefined,
        config.OIDC_CLIENT_SECRET ? client.ClientSecretBasic(config.OIDC_CLIENT_SECRET) : client.None(),
        {
          timeout: requestTimeoutSeconds,
          execute: isLoopbackUrl(issuer) && issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw new AppError('sso_provider_unreachable', {}, { cause: summarise(error) });
      });
    return discovered;
  };

  return {
    providerName: config.OIDC_PROVIDER_NAME,
    async begin({ redirectUri, next, now }) {
      const server = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const transaction: OidcTransaction = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier,
        next,
        expiresAt: now.getTime() + oidcTransactionMinutes * 60_000,
      };
      const url = client.buildAuthorizationUrl(server, {
        redirect_uri: redirectUri,
        scope: config.OIDC_SCOPES,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
      });
      return { url, transaction };
    },
    async finish(callbackUrl, transaction) {
      const server = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(server, callbackUrl, {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) throw new AppError('sso_failed');
        // Many providers put e-mail and groups in userinfo only; the ID token's subject must match.
        const userInfo = await client.fetchUserInfo(server, tokens.access_token, idClaims.sub);
        return { ...userInfo, ...idClaims };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError(
          unreachable(error) ? 'sso_provider_unreachable' : 'sso_failed',
          {},
          { cause: summarise(error) },
        );
      }
    },
  };
}

/** A network failure or timeout, as opposed to an answer the checks refused. */
function unreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && error.message === 'fetch failed';
}

function summarise(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
