import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import type { Readable } from 'node:stream';

export type ScanResult =
  | { status: 'clean' }
  | { status: 'infected'; signature: string }
  | { status: 'unavailable'; error: string };

/** What admins are told about the scanner: the last time it could not be reached, if it was not since. */
export interface ScannerHealth {
  configured: boolean;
  available: boolean;
  lastError: string | null;
  checkedAt: Date | null;
}

const health: ScannerHealth = { configured: false, available: true, lastError: null, checkedAt: null };

export function scannerHealth(socketPath: string | undefined): ScannerHealth {
  return { ...health, configured: Boolean(socketPath) };
}

const CHUNK = 64 * 1024;
const TIMEOUT_MS = 30_000;

/**
 * Scans a file with clamd over its local socket (INSTREAM), chunk by chunk as it is read. A scanner
 * that cannot be reached does not stop the portal: the file passes unscanned and admins are warned
 * (scannerHealth).
 */
export async function scanStream(socketPath: string, content: Readable, now: Date): Promise<ScanResult> {
  const result = await instream(socketPath, content)
    .catch((error: unknown): ScanResult => ({ status: 'unavailable', error: (error as Error).message }))
    .finally(() => content.destroy());
  health.checkedAt = now;
  health.available = result.status !== 'unavailable';
  health.lastError = result.status === 'unavailable' ? result.error : null;
  return result;
}

function instream(socketPath: string, content: Readable): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let answer = '';
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('clamd did not answer in time')));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('utf8');
    });
    socket.on('end', () => {
      const reply = answer.replace(/\0/g, '').trim();
      const found = /^stream: (.+) FOUND$/.exec(reply);
      if (found) resolve({ status: 'infected', signature: found[1] as string });
      else if (reply === 'stream: OK') resolve({ status: 'clean' });
      else reject(new Error(`clamd: ${reply || 'no answer'}`));
    });
    socket.on('connect', () => {
      sendChunks(socket, content).catch((error: unknown) => socket.destroy(error as Error));
    });
  });
}

/** INSTREAM framing: each chunk preceded by its length, then a zero length; waits when clamd lags. */
async function sendChunks(socket: Socket, content: Readable) {
  const write = async (bytes: Buffer) => {
    if (!socket.write(bytes)) await once(socket, 'drain');
  };
  await write(Buffer.from('zINSTREAM\0'));
  for await (const chunk of content) {
    const bytes = chunk as Buffer;
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const part = bytes.subarray(offset, offset + CHUNK);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(part.length);
      await write(length);
      await write(part);
    }
  }
  await write(Buffer.alloc(4));
}
