import { connect } from 'node:net';

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
 * Scans bytes with clamd over its local socket (INSTREAM). A scanner that cannot be reached does
 * not stop the portal: the file passes unscanned and admins are warned (scannerHealth).
 */
export async function scanBytes(socketPath: string, bytes: Buffer, now: Date): Promise<ScanResult> {
  const result = await instream(socketPath, bytes).catch(
    (error: unknown): ScanResult => ({ status: 'unavailable', error: (error as Error).message }),
  );
  health.checkedAt = now;
  health.available = result.status !== 'unavailable';
  health.lastError = result.status === 'unavailable' ? result.error : null;
  return result;
}

function instream(socketPath: string, bytes: Buffer): Promise<ScanResult> {
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
      socket.write('zINSTREAM\0');
      for (let offset = 0; offset < bytes.length; offset += CHUNK) {
        const part = bytes.subarray(offset, offset + CHUNK);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(part.length);
        socket.write(length);
        socket.write(part);
      }
      socket.write(Buffer.alloc(4));
    });
  });
}
