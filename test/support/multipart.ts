import { randomUUID } from 'node:crypto';

/** A file as a form sends it: its name and bytes. */
export interface FormFile {
  name: string;
  bytes: Buffer;
}

/** One part of a form: a field, or a file with its name and type. */
export type FormPart =
  | { name: string; value: string }
  | { name: string; fileName: string; bytes: Buffer; contentType?: string };

/** A multipart/form-data request body, parts in the given order, as a browser would send it. */
export function multipart(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----guichet${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`),
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
            `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.bytes,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A form with fields first, then files under the name `file`, as the web client sends it. */
export function multipartForm(
  fields: Record<string, string>,
  files: FormFile[],
  fileType = 'application/octet-stream',
) {
  return multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    ...files.map((file) => ({ name: 'file', fileName: file.name, bytes: file.bytes, contentType: fileType })),
  ]);
}

/** Small but real files, recognised by their content. */
export const sampleFiles = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
  /** The start of a Windows executable (MZ header). */
  exe: Buffer.concat([
    Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000', 'hex'),
    Buffer.alloc(200, 0),
  ]),
  text: Buffer.from('Journal du 2 mars\nErreur de facturation à 10:42\n', 'utf8'),
};
