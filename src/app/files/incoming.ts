import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/**
 * A file on its way to becoming an attachment. Uploads are streamed to a temporary file as they
 * arrive and mail attachments are already in memory (a mail's size is bounded); both are read
 * through `open()`, chunk by chunk, by every check and by the store, so no step needs the whole
 * file in memory.
 */
export interface IncomingFile {
  readonly fileName: string;
  readonly size: number;
  /** The content from its first byte; each call reads it anew. */
  open(): Readable;
  /** Where the content is: a (temporary) file, or memory. */
  readonly source: { path: string } | { bytes: Buffer };
  /** The hex SHA-256 of the content, when it was computed as the file arrived. */
  readonly sha256?: string;
}

export function incomingFromBytes(fileName: string, bytes: Buffer): IncomingFile {
  return { fileName, size: bytes.length, source: { bytes }, open: () => Readable.from([bytes]) };
}

export function incomingFromTempFile(
  fileName: string,
  path: string,
  size: number,
  sha256: string,
): IncomingFile {
  return { fileName, size, sha256, source: { path }, open: () => createReadStream(path) };
}

/** The hex SHA-256 of a stream's content. */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
