import { resolvePictureReferences } from '../../rich-text/picture-references';
import type { AttachmentRow, IncomingFile } from '../files/attach-files';
import { PREVIEWABLE_TYPES } from './attachment-preview';

/**
 * The text with its pasted pictures pointing at the attachments just stored (`attachFiles` keeps
 * the order of the files sent, so each stored row is matched with the name it was sent under).
 */
export function withInlinePictures(
  text: string,
  sent: readonly IncomingFile[],
  stored: readonly AttachmentRow[],
) {
  return resolvePictureReferences(
    text,
    stored.map((row, i) => ({
      sentName: sent[i]?.fileName ?? row.fileName,
      id: row.id,
      previewable: PREVIEWABLE_TYPES.has(row.contentType),
    })),
  );
}
