import type { FastifyRequest } from 'fastify';

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
