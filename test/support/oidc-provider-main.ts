/**
 * The browser tests' identity provider, started by Playwright next to the portal:
 * `tsx test/support/oidc-provider-main.ts <port> <portal callback URL>`.
 */
import { startTestProvider } from './oidc-provider';

const [port = '0', redirectUri = ''] = process.argv.slice(2);
const provider = await startTestProvider({ port: Number(port), redirectUri });
process.stdout.write(`test identity provider at ${provider.issuer}\n`);
const stop = () => {
  void provider.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
