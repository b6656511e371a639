import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { IncomingFile } from './incoming';

/**
 * The file types accepted as attachments, decided by content (magic bytes), never by the name or
 * the type the browser claims: an executable renamed `.pdf` is refused.
 */
const allowedBinary: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xml: 'application/xml',
};

/** Text files: content type by extension, the content itself being checked as UTF-8 text. */
const textTypes: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  eml: 'message/rfc822',
};

export const acceptedTypesLabel = 'PDF, PNG, JPEG, GIF, WebP, ZIP, DOCX, XLSX, PPTX, MSG, EML, text';

/** The content type to store for this file, or null when its content is not an accepted type. */
export async function detectAllowedType(file: IncomingFile): Promise<string | null> {
  // From a file, file-type reads only as far as it needs.
  const detected =
    'path' in file.source
      ? await fileTypeFromFile(file.source.path)
      : await fileTypeFromBuffer(file.source.bytes);
  const extension = extensionOf(file.fileName);
  if (detected) {
    const allowed = allowedBinary[detected.ext];
    if (allowed) return allowed;
    // Outlook messages are OLE compound files, as are old Office formats with macros: only .msg.
    if (detected.ext === 'cfb' && extension === 'msg') return 'application/vnd.ms-outlook';
    return null;
  }
  if (!(await isPlainText(file.open()))) return null;
  return textTypes[extension] ?? 'text/plain; charset=utf-8';
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Valid UTF-8 without NUL bytes: plain text, CSV, logs, e-mails. Read chunk by chunk. */
async function isPlainText(content: AsyncIterable<Buffer>): Promise<boolean> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of content) {
      if (chunk.includes(0)) return false;
      utf8.decode(chunk, { stream: true });
    }
    utf8.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * A file name safe to store and to send back: no folders, no control characters, bounded length.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const bounded = cleaned.length > 200 ? shorten(cleaned) : cleaned;
  return bounded === '' || bounded === '.' || bounded === '..' ? 'file' : bounded;
}

function shorten(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, 200 - extension.length) + extension;
}
