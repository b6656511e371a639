import type { Db } from './client';

/** Stops listening; resolves once the connection is given back. */
export type StopListening = () => Promise<void>;

interface PgliteLike {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}
interface PgClientLike {
  query(text: string): Promise<unknown>;
  on(event: 'notification', cb: (msg: { channel: string; payload?: string }) => void): unknown;
  on(event: 'error', cb: (error: Error) => void): unknown;
  release(destroy?: boolean): void;
}
interface PgPoolLike {
  connect(): Promise<PgClientLike>;
}

const isPglite = (client: unknown): client is PgliteLike =>
  typeof (client as PgliteLike | undefined)?.listen === 'function';
const isPool = (client: unknown): client is PgPoolLike =>
  typeof (client as PgPoolLike | undefined)?.connect === 'function';

/**
 * Listens to the given channels of the database behind `db`. On PostgreSQL a dedicated pooled
 * connection holds the LISTEN (notices of every instance arrive there); on PGlite the embedded
 * engine's own LISTEN serves the single process. A lost PostgreSQL connection is re-opened:
 * `onError` says it was lost (notices may be missed from then on), `onListening` that the LISTEN
 * holds again (also called once at the start).
 */
export async function listenToChannels(
  db: Db,
  channels: readonly string[],
  onNotice: (channel: string, payload: string) => void,
  onError: (error: unknown) => void = () => undefined,
  onListening: () => void = () => undefined,
): Promise<StopListening> {
  const client: unknown = (db as unknown as { $client?: unknown }).$client;
  if (isPglite(client)) {
    const pglite = client;
    const unlisten = await Promise.all(
      channels.map((channel) => pglite.listen(channel, (payload) => onNotice(channel, payload))),
    );
    onListening();
    return async () => {
      await Promise.all(unlisten.map((stop) => stop()));
    };
  }
  if (!isPool(client)) throw new Error('live updates: unknown database client');
  const pool = client;

  let stopped = false;
  let current: PgClientLike | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const connection = await pool.connect();
    if (stopped) {
      connection.release(true);
      return;
    }
    connection.on('notification', (msg) => {
      if (channels.includes(msg.channel) && msg.payload) onNotice(msg.channel, msg.payload);
    });
    connection.on('error', (error) => {
      onError(error);
      if (current === connection) current = null;
      connection.release(true);
      scheduleReconnect();
    });
    try {
      for (const channel of channels) await connection.query(`LISTEN ${channel}`);
    } catch (error) {
      // Cut while subscribing: give the connection back, the caller retries with a fresh one.
      connection.release(true);
      throw error;
    }
    current = connection;
    onListening();
  };
  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((error: unknown) => {
        onError(error);
        scheduleReconnect();
      });
    }, 1000);
    retry.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const connection = current;
    current = null;
    if (!connection) return;
    await connection.query('UNLISTEN *').catch(() => undefined);
    connection.release(true);
  };
}
