import { type ClientRequest, request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A live-update client that behaves as a browser's EventSource: it keeps the last `id:` it read,
 * and when the stream ends or breaks it waits the server's `retry:` hint and reconnects with
 * `Last-Event-ID`. It remembers every change id it received.
 */
export class LiveClient {
  /** Every change id received (replays may repeat one: it is a set). */
  readonly seen = new Set<number>();
  /** Streams opened, and streams that ended or broke before `stop()`. */
  connections = 0;
  cuts = 0;
  /** Answers that were not an event stream (a browser would give up on those). */
  refused: string[] = [];
  private lastEventId: string | null = null;
  private retryMs = 3000;
  private current: ClientRequest | null = null;
  private stopped = false;
  private connectedOnce: Promise<void>;
  private markConnected: () => void = () => undefined;

  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly cookie: string,
  ) {
    this.connectedOnce = new Promise((resolve) => {
      this.markConnected = resolve;
    });
    void this.run();
  }

  /** Resolves once the first stream has said it is connected (its listener is ready). */
  connected(): Promise<void> {
    return this.connectedOnce;
  }

  stop(): void {
    this.stopped = true;
    this.current?.destroy();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await this.openOnce();
      if (this.stopped) return;
      this.cuts += 1;
      await sleep(this.retryMs);
    }
  }

  /** One stream, until it ends or breaks. */
  private openOnce(): Promise<void> {
    return new Promise((resolve) => {
      const headers: Record<string, string> = { cookie: this.cookie, accept: 'text/event-stream' };
      if (this.lastEventId !== null) headers['last-event-id'] = this.lastEventId;
      const request = httpRequest(this.url, { headers });
      this.current = request;
      request.on('error', () => resolve());
      request.on('response', (response) => {
        const type = String(response.headers['content-type'] ?? '');
        if (response.statusCode !== 200 || !type.startsWith('text/event-stream')) {
          this.refused.push(`${response.statusCode} ${type}`);
          response.resume();
          response.on('end', () => resolve());
          return;
        }
        this.connections += 1;
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            this.read(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf('\n\n');
          }
        });
        response.on('close', () => resolve());
        response.on('error', () => resolve());
      });
      request.end();
    });
  }

  /** One block of the stream, as EventSource reads it (id, retry, event, data; comments ignored). */
  private read(block: string): void {
    let isChange = false;
    let id: string | null = null;
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('retry: ')) this.retryMs = Number(line.slice(7));
      else if (line === ': connected') this.markConnected();
      else if (line.startsWith('event: ')) isChange = true;
    }
    if (id === null) return;
    this.lastEventId = id;
    if (isChange) this.seen.add(Number(id));
  }
}
