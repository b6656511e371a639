import { randomBytes } from 'node:crypto';
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Query parameters that carry a secret: a one-time link's token is as good as a password. */
const secretParameters = new Set(['token']);

/**
 * The request URL as it may be written to a log: secret query parameters are replaced, so
 * set-password and reset links (and the API call checking them) never reach the log files.
 */
export function loggableUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const params = new URLSearchParams(url.slice(queryStart + 1));
  let redacted = false;
  for (const name of [...params.keys()]) {
    if (secretParameters.has(name.toLowerCase())) {
      params.set(name, 'redacted');
      redacted = true;
    }
  }
  return redacted ? `${url.slice(0, queryStart)}?${params.toString()}` : url;
}

/** Fastify's request serializer, with the URL made loggable. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: loggableUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** Static files of the web client and the probes: one log line each would drown the rest. */
function isQuietPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? url;
  if (path === '/livez' || path === '/readyz' || path === '/metrics' || path === '/health') return true;
  return /\.(js|mjs|css|map|png|jpe?g|gif|svg|webp|ico|woff2?|ttf|txt|webmanifest|br|gz)$/i.test(path);
}

/**
 * Fastify's request log with one line per request once it is answered (instead of two), with its
 * id, status and duration; static files and probes that succeed only at debug level.
 */
export class RequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      req: serializeRequest(request),
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else if (isQuietPath(request.url) && reply.statusCode < 400) request.log.debug(line, 'request completed');
    else request.log.info(line, 'request completed');
  }
}

/** Request ids unique across instances, short enough to read out over the phone. */
export function newRequestId(): string {
  return randomBytes(6).toString('base64url');
}
