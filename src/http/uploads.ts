import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../app/errors/index';
import { cleanFileName } from '../app/files/detect';
import { type IncomingFile, incomingFromTempFile } from '../app/files/incoming';
import type { Config } from '../config';

const MB = 1024 * 1024;
/** Files in one multipart request (the parser's own limit is set to the same number). */
export const MAX_FILES_PER_UPLOAD = 20;

export interface ReceivedForm {
  /** The form's text fields (the last value of a repeated name). */
  fields: Record<string, string>;
  files: IncomingFile[];
}

/** Where uploads wait while they arrive: on the data disk, not in memory (nor a memory-backed /tmp). */
export const uploadsTempRoot = (config: Config) => resolve(config.DATA_DIR, 'uploads-tmp');

/**
 * Reads a multipart form, streaming each file to a temporary file as it arrives and counting as it
 * goes: a file over the per-file limit, or files together over the per-ticket total, stop the
 * reading at once with a translated 413 naming the file; more than MAX_FILES_PER_UPLOAD files too.
 * The SHA-256 of each file is computed on the way. The temporary files are removed as soon as the
 * answer has left or the connection dropped, and at once when reading fails.
 */
export async function receiveMultipart(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
): Promise<ReceivedForm> {
  const root = uploadsTempRoot(config);
  await mkdir(root, { recursive: true });
  const dir = await mkdtemp(join(root, 'upload-'));
  const discard = () => rm(dir, { recursive: true, force: true }).catch(() => undefined);
  // 'close' comes after the answer has been sent, or when the client went away mid-way.
  reply.raw.once('close', () => void discard());
  const maxFileBytes = config.MAX_UPLOAD_MB * MB;
  const maxTotalBytes = config.MAX_TICKET_UPLOAD_MB * MB;
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
        continue;
      }
      const fileName = cleanFileName(part.filename ?? '');
      const path = join(dir, String(files.length));
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          total += chunk.length;
          if (size > maxFileBytes) {
            return done(
              new AppError('attachment_too_large', { file: fileName, maxMb: config.MAX_UPLOAD_MB }),
            );
          }
          if (total > maxTotalBytes) {
            return done(
              new AppError('ticket_attachments_full', { file: fileName, maxMb: config.MAX_TICKET_UPLOAD_MB }),
            );
          }
          hash.update(chunk);
          done(null, chunk);
        },
      });
      await pipeline(part.file, meter, createWriteStream(path, { flags: 'wx' }));
      // The parser's own per-file limit cuts a file short instead of failing: never keep half a file.
      if (part.file.truncated) {
        throw new AppError('attachment_too_large', { file: fileName, maxMb: config.MAX_UPLOAD_MB });
      }
      files.push(incomingFromTempFile(fileName, path, size, hash.digest('hex')));
    }
  } catch (error) {
    await discard();
    // The rest of a refused body is not worth reading: the connection closes after the answer.
    reply.header('connection', 'close');
    throw translateParserError(error);
  }
  return { fields, files };
}

/** The largest upload request: every file of a full ticket, plus room for the multipart framing. */
export function uploadRequestLimit(config: Config): number {
  return config.MAX_TICKET_UPLOAD_MB * MB + MB;
}

/** An onRequest hook: an announced body larger than any upload is refused before a byte of it is read. */
export function refuseAnnouncedOversize(config: Config) {
  return async (request: FastifyRequest) => {
    const announced = Number(request.headers['content-length'] ?? 0);
    if (announced > uploadRequestLimit(config)) {
      throw new AppError('upload_too_large', { maxMb: config.MAX_TICKET_UPLOAD_MB });
    }
  };
}

function translateParserError(error: unknown): unknown {
  const { code, part } = error as { code?: string; part?: { filename?: string } };
  if (code === 'FST_FILES_LIMIT') return new AppError('too_many_files', { maxFiles: MAX_FILES_PER_UPLOAD });
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('attachment_too_large', { file: cleanFileName(part?.filename ?? ''), maxMb: 0 });
  }
  return error;
}
