import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import { testAccounts } from './oidc-accounts';

/**
 * A real OpenID Connect provider (the certified `oidc-provider`) on loopback, for the staff
 * single sign-on tests. Its development login page takes any login name as the account id, any
 * password, then asks for consent; the accounts below say which e-mail and groups each id has.
 */
export interface TestProvider {
  issuer: string;
  close(): Promise<void>;
}

/**
 * The provider's advice to production deployments (in-memory storage, development keys and login
 * pages, a Node.js LTS newer than 20) is what a test provider is meant to be: kept out of test output.
 */
function quietProviderAdvice() {
  for (const level of ['info', 'warn'] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ')) return;
      write(...args);
    };
  }
}

let loaded: Promise<typeof Provider> | null = null;
const loadProvider = () => {
  if (!loaded) {
    quietProviderAdvice();
    loaded = import('oidc-provider').then((module) => module.default);
  }
  return loaded;
};

/** Starts the provider on `port` (0: any free one) for a portal whose callback is `redirectUri`. */
export async function startTestProvider(options: {
  port: number;
  redirectUri: string;
}): Promise<TestProvider> {
  let handle: ReturnType<Provider['callback']> | null = null;
  const server: Server = createServer((req, res) => {
    if (handle) handle(req, res);
    else res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const OidcProvider = await loadProvider();
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: 'guichet',
        client_secret: 'guichet-test-client-secret',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: { email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    pkce: { required: () => true },
    findAccount: (_ctx, id) => {
      const account = testAccounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
  });
  handle = provider.callback();
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
