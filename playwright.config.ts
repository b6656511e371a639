import { defineConfig } from '@playwright/test';
import { testSsoEnv } from './test/support/oidc-accounts';
import { webhookCertificate } from './test/support/webhook-receiver';

// Browser tests run the real server (embedded PGlite in a throw-away data directory, demo data
// seeded, worker on a short interval) and drive Debian's Chromium.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = `/tmp/guichet-e2e-${process.pid}`;
// The webhook receiver of the browser tests serves this certificate; the server trusts it through
// WEBHOOK_CA_FILE. Named by port, so the config (read again by each test worker) finds the same one.
export const webhookCertDir = `/tmp/guichet-e2e-webhook-${port}`;
const { caFile: webhookCaFile } = webhookCertificate(webhookCertDir);
// Staff single sign-on goes through a real OpenID provider on loopback, beside the portal.
const providerPort = Number(process.env.E2E_OIDC_PORT ?? port + 1000);
const issuer = `http://127.0.0.1:${providerPort}`;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'fr-CH',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `npx tsx test/support/oidc-provider-main.ts ${providerPort} http://localhost:${port}/api/session/sso/callback`,
      url: `${issuer}/.well-known/openid-configuration`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `rm -rf ${dataDir} && npx vite build --config web/vite.config.ts --logLevel warn && node scripts/build-server.mjs && node --enable-source-maps dist/server/main.mjs`,
      url: `http://localhost:${port}/api/health`,
      // The web build and the first start with demo data take minutes on a busy two-core machine.
      timeout: 360_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        WORKER_INTERVAL_MS: '200',
        INBOUND_SMTP_PORT: '0',
        // Inbound mail through the webhook (the XSS corpus in mail's HTML part).
        INBOUND_WEBHOOK_TOKEN: 'e2e-inbound-webhook-token',
        LOG_LEVEL: 'warn',
        WEBHOOK_CA_FILE: webhookCaFile,
        WEBHOOK_RETRY_BASE_MS: '500',
        // Parallel browser tests sign in as the same demo people; the limits have their own tests.
        RATE_LIMIT_USER_PER_WINDOW: '100000',
        RATE_LIMIT_COMPANY_PER_WINDOW: '100000',
        ...testSsoEnv(issuer),
      },
    },
  ],
});
