import type { Actor, AppContext } from '../context';
import { AppError } from '../errors/index';
import { openAttachment } from './attachments';

/** Raster types we re-encode; anything else (SVG, PDF …) never gets a picture of itself. */
export const PREVIEWABLE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
]);

/** Larger images get no picture of themselves (they can still be downloaded). */
export const MAX_PREVIEW_SOURCE_BYTES = 20 * 1024 * 1024;

/** Whether an attachment gets a thumbnail and a preview. */
export const hasPreview = (attachment: { contentType: string; size: number }): boolean =>
  PREVIEWABLE_TYPES.has(attachment.contentType) && attachment.size <= MAX_PREVIEW_SOURCE_BYTES;

export type PreviewSize = 'thumbnail' | 'preview';
const boxes: Record<PreviewSize, number> = { thumbnail: 240, preview: 1600 };
// A decompression bomb is refused before it is decoded (sharp counts width × height).
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * A picture of an image attachment the actor may see, re-encoded by sharp as WebP: the bytes a
 * customer uploaded never reach another reader's browser as they were (no polyglot file, no
 * metadata, no script), only pixels drawn anew. Not an image, or not decodable: not_found.
 */
export async function imagePreview(
  ctx: AppContext,
  actor: Actor,
  input: { attachmentId: string; size: PreviewSize },
): Promise<{ bytes: Buffer; fileName: string }> {
  const { attachment, content } = await openAttachment(ctx, actor, { attachmentId: input.attachmentId });
  if (!hasPreview(attachment)) {
    content.destroy();
    throw new AppError('not_found');
  }
  const cacheKey = `${attachment.sha256}:${input.size}`;
  const fileName = `${attachment.fileName.replace(/\.[^.]*$/, '')}.webp`;
  const cached = cache.get(cacheKey);
  if (cached) {
    content.destroy();
    return { bytes: cached, fileName };
  }
  const box = boxes[input.size];
  // Loaded on the first preview: the image library weighs about 28 MiB a process need not carry.
  const { default: sharp } = await import('sharp');
  let rendered: Buffer;
  try {
    const picture = sharp({ limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: 'error' })
      .rotate()
      .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: input.size === 'thumbnail' ? 70 : 85 });
    // The file is fed to sharp as it is read from the store.
    content.on('error', (error) => picture.destroy(error));
    content.pipe(picture);
    rendered = await picture.toBuffer();
  } catch {
    // Broken or hostile pixels: there is simply no preview; the file can still be downloaded.
    throw new AppError('not_found');
  }
  remember(cacheKey, rendered);
  return { bytes: rendered, fileName };
}

// Recent pictures, so that a page of thumbnails is not re-encoded at every visit (bounded in bytes).
const cache = new Map<string, Buffer>();
const CACHE_BYTES = 16 * 1024 * 1024;
let cachedBytes = 0;

function remember(key: string, bytes: Buffer) {
  if (bytes.length > CACHE_BYTES / 4) return;
  cache.set(key, bytes);
  cachedBytes += bytes.length;
  for (const [oldKey, old] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(oldKey);
    cachedBytes -= old.length;
  }
}
