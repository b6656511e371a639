/**
 * Whether an error means "the database cannot be reached right now" (restart, failover, a proxy
 * cutting the connection) rather than a fault of the request: such requests get a 503 and may be
 * retried, and the pool reconnects by itself on the next query.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (typeof e !== 'object') return false;
    const { code, severity, message } = e as { code?: unknown; severity?: unknown; message?: unknown };
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // A FATAL from the server ends the session: shutdown, terminated backend, refused connection.
    if (severity === 'FATAL' || severity === 'PANIC') return true;
    if (typeof message === 'string' && lostConnectionMessages.some((m) => message.includes(m))) return true;
  }
  return false;
}

const unavailableCodes = new Set([
  '57P01', // admin_shutdown (also pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What the pg driver says when the socket went away (these errors carry no code). */
const lostConnectionMessages = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];
