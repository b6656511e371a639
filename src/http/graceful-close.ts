import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when the instance is shutting down: /readyz answers 503 so balancers send traffic elsewhere. */
    shuttingDown: boolean;
  }
}

export interface GracefulCloseOptions {
  /** How long to keep serving while /readyz reports the shutdown. */
  drainMs: number;
  /** How long in-flight requests may take once the server stops accepting; then they are cut. */
  timeoutMs: number;
  /** Stops what must end before the HTTP server (the worker, inbound mail). */
  beforeClose?: () => Promise<void>;
  log?: (message: string) => void;
}

/**
 * Shuts an instance down without failing its users: readiness turns 503 at once, requests keep
 * being served for the drain time (a balancer notices and moves away), then the server stops
 * accepting, lets in-flight requests finish (each answered with Connection: close) and ends
 * event streams with a retry hint. Requests still running after the timeout are cut.
 */
export async function closeGracefully(app: FastifyInstance, options: GracefulCloseOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  app.shuttingDown = true;
  if (options.drainMs > 0) {
    log(`draining for ${options.drainMs} ms (/readyz answers 503)`);
    await sleep(options.drainMs);
  }
  await options.beforeClose?.();
  const cut = setTimeout(() => {
    log(`requests still running after ${options.timeoutMs} ms: their connections are cut`);
    app.server.closeAllConnections();
  }, options.timeoutMs);
  cut.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}
