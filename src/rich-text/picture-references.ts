/**
 * A picture pasted into the editor is sent with its message as an attachment; until it is stored
 * it has no address, so the editor writes `![name](attachment:<name>)`. Once the files are stored,
 * each reference becomes the address of that attachment's preview, re-encoded by our server.
 * A reference to a file that was not sent, or that has no preview, is left as it is (and shows as
 * text, never as a picture from elsewhere).
 */
export function resolvePictureReferences(
  body: string,
  stored: readonly { sentName: string; id: string; previewable: boolean }[],
): string {
  let resolved = body;
  for (const file of stored) {
    if (!file.previewable) continue;
    resolved = resolved.replaceAll(pictureReference(file.sentName), `(/api/attachments/${file.id}/preview)`);
  }
  return resolved;
}

/** How the editor refers to a file it is about to send: `(attachment:<name, URI-encoded>)`. */
export const pictureReference = (fileName: string) => `(attachment:${encodeURIComponent(fileName)})`;
