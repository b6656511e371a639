import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Every environment variable Guichet reads, validated once at start-up. All problems are reported
 * together so an operator fixes them in one go. The README's configuration table mirrors this list.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** "10.0.0.5, 10.0.1.0/24" → a list of addresses and CIDR ranges; anything else is refused. */
const proxyList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .refine(
    (entries) =>
      entries.every((entry) => {
        const [address = '', bits, ...rest] = entry.split('/');
        const family = isIP(address);
        if (family === 0 || rest.length > 0) return false;
        if (bits === undefined) return true;
        const n = Number(bits);
        return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
      }),
    'must be a comma-separated list of IP addresses or CIDR ranges',
  );

/** "a, b ,c" → ["a", "b", "c"]; empty entries dropped. */
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Plain http is accepted for an identity provider on this very machine only (tests, a local proxy). */
export const isLoopbackUrl = (url: string): boolean => loopbackHosts.has(new URL(url).hostname);

const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Guichet <support@guichet.local>'),
    DKIM_DOMAIN: z.string().optional(),
    DKIM_SELECTOR: z.string().optional(),
    DKIM_PRIVATE_KEY_FILE: z.string().optional(),
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
    INBOUND_SMTP_HOST: z.string().default('127.0.0.1'),
    INBOUND_DOMAIN: z.string().default('guichet.local'),
    INBOUND_WEBHOOK_TOKEN: z.string().min(16).optional(),
    INBOUND_TRUSTED_AUTHSERV_ID: z.string().min(1).optional(),
    CLAMAV_SOCKET: z.string().min(1).optional(),
    IMAP_URL: z
      .string()
      .regex(/^imaps?:\/\//, 'must be an imap:// or imaps:// URL')
      .optional(),
    IMAP_MAILBOX: z.string().min(1).default('INBOX'),
    IMAP_POLL_SECONDS: z.coerce.number().int().min(5).default(60),
    SEED_DEMO: booleanFlag.default(true),
    WORKER: booleanFlag.default(true),
    WORKER_INTERVAL_MS: z.coerce.number().int().min(50).default(5000),
    /** On SIGTERM, how long the instance keeps serving while /readyz says 503, so a balancer moves away first. */
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** On SIGTERM, how long in-flight requests may take before their connections are cut. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    /** Where attachments live: a local directory, PostgreSQL (the database itself) or an S3-compatible store. */
    STORAGE_DRIVER: z.enum(['local', 'postgres', 's3']).default('local'),
    /** The local driver's directory; `${DATA_DIR}/files` by default. */
    STORAGE_DIR: z.string().min(1).optional(),
    S3_BUCKET: z.string().min(3).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** An S3-compatible service (MinIO, Garage …); AWS S3 itself when absent. */
    S3_ENDPOINT: z.url().optional(),
    /** Object keys under this prefix, e.g. `guichet/`. */
    S3_PREFIX: z.string().default(''),
    S3_FORCE_PATH_STYLE: booleanFlag.default(false),
    /** Both or neither; without them the usual AWS sources are used (environment, profile, role). */
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
    MAX_TICKET_UPLOAD_MB: z.coerce.number().positive().default(100),
    /** Reverse proxies whose X-Forwarded-For is believed; none by default. */
    TRUST_PROXY: proxyList.default([]),
    /**
     * API rate limits: requests per window per signed-in person, and per customer company. A short
     * window keeps a company from spending a minute's allowance in one burst that fills the server.
     */
    RATE_LIMIT_USER_PER_WINDOW: z.coerce.number().int().min(1).default(60),
    RATE_LIMIT_COMPANY_PER_WINDOW: z.coerce.number().int().min(1).default(120),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(10),
    /** Redis for the rate-limit counters; without it they are kept in the database. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** When set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Outbound mail: attempts before a mail is marked failed, and the first retry delay (doubling). */
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    MAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).default(60),
    /** PEM file of certificate authorities webhook deliveries trust besides the system's (an in-house CA). */
    WEBHOOK_CA_FILE: z.string().min(1).optional(),
    /** How long a webhook receiver has to answer before the attempt counts as failed. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** Delay before the second attempt of a failed webhook; it doubles each time up to WEBHOOK_RETRY_MAX_MS. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
    WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(0).default(3_600_000),
    /** An endpoint that fails every attempt for this long is disabled and the administrators are mailed. */
    WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().positive().default(24),
    /** Single sign-on for staff through an OpenID Connect provider; off while OIDC_ISSUER is absent. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** Absent for a public client (PKCE alone). */
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The name on the sign-in button: "Se connecter avec <name>". */
    OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('SSO'),
    OIDC_SCOPES: z.string().min(1).default('openid email profile'),
    /** The claim (ID token or userinfo) listing the person's groups. */
    OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
    OIDC_ADMIN_GROUPS: commaList.default([]),
    OIDC_AGENT_GROUPS: commaList.default([]),
    OIDC_CONSULTANT_GROUPS: commaList.default([]),
    /** Mail domains whose people may sign in this way; their staff accounts are created at first sign-in. */
    OIDC_ALLOWED_DOMAINS: commaList.default([]),
    /** Staff then sign in only through the provider; customers keep their passwords. */
    OIDC_DISABLE_STAFF_PASSWORDS: booleanFlag.default(false),
    /** TEST ONLY: a fixed "now" (ISO instant) for a standalone worker under test; never set in production. */
    GUICHET_FAKE_NOW: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((config, issues) => {
    checkOidc(config, issues);
    if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) {
      issues.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required with STORAGE_DRIVER=s3' });
    }
    if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
      issues.addIssue({
        code: 'custom',
        path: ['S3_SECRET_ACCESS_KEY'],
        message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
      });
    }
  });

type OidcFields = {
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_ALLOWED_DOMAINS: string[];
  OIDC_ADMIN_GROUPS: string[];
  OIDC_AGENT_GROUPS: string[];
  OIDC_CONSULTANT_GROUPS: string[];
  OIDC_DISABLE_STAFF_PASSWORDS: boolean;
};

/** Single sign-on is all or nothing: a half-configured provider would only fail at the first sign-in. */
function checkOidc(config: OidcFields, issues: z.RefinementCtx) {
  const issue = (path: string, message: string) => issues.addIssue({ code: 'custom', path: [path], message });
  if (!config.OIDC_ISSUER) {
    if (config.OIDC_DISABLE_STAFF_PASSWORDS) issue('OIDC_DISABLE_STAFF_PASSWORDS', 'needs OIDC_ISSUER');
    return;
  }
  if (!config.OIDC_ISSUER.startsWith('https:') && !isLoopbackUrl(config.OIDC_ISSUER)) {
    issue('OIDC_ISSUER', 'must be an https:// URL');
  }
  if (!config.OIDC_CLIENT_ID) issue('OIDC_CLIENT_ID', 'is required with OIDC_ISSUER');
  if (config.OIDC_ALLOWED_DOMAINS.length === 0) issue('OIDC_ALLOWED_DOMAINS', 'is required with OIDC_ISSUER');
  const groups = [...config.OIDC_ADMIN_GROUPS, ...config.OIDC_AGENT_GROUPS, ...config.OIDC_CONSULTANT_GROUPS];
  if (groups.length === 0) issue('OIDC_AGENT_GROUPS', 'at least one group must give a role with OIDC_ISSUER');
}

export type Config = z.infer<typeof configSchema> & { secret: string };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  // Without SESSION_SECRET a per-data-directory secret is generated and kept (see secret.ts);
  // the caller fills it in, so config stays free of I/O.
  return { ...parsed.data, secret: parsed.data.SESSION_SECRET ?? '' };
}

export function publicUrl(config: Config): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
