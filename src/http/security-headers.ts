import type { FastifyInstance } from 'fastify';
import { earlyDataScriptHash } from './early-data';

/**
 * The portal's pages run only their own code: scripts from this origin and, inline, only the fixed
 * script that asks for a first screen's data (allowed by its hash), no plugins, no framing by other
 * sites. Styles may be inline because the component library sets style attributes; styles cannot
 * run code.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' ${earlyDataScriptHash}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every answer; HSTS only when the portal is served over https. */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  app.addHook('onSend', async (request, reply, payload) => {
    // The API reference page ships its own inline bootstrap script; it gets a policy without
    // inline script only where it can run under one.
    // A route that sets a stricter policy of its own (attachments: nothing may run) keeps it.
    const ownPolicy = reply.hasHeader('content-security-policy');
    if (!ownPolicy && !request.url.startsWith('/api/docs')) {
      reply.header('content-security-policy', contentSecurityPolicy);
    }
    reply.header('x-frame-options', 'DENY');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (options.https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}
