import { describe, expect, it } from 'vitest';
import { pictureReference, resolvePictureReferences } from './picture-references';

describe('picture references of pasted screenshots', () => {
  const id = '0b6e2a1c-1111-4222-8333-444455556666';

  it('point at the stored attachment preview once the file is stored', () => {
    const body = `Voici :\n\n![capture 1.png]${pictureReference('capture 1.png')}`;
    expect(body).toContain('(attachment:capture%201.png)');
    expect(resolvePictureReferences(body, [{ sentName: 'capture 1.png', id, previewable: true }])).toBe(
      `Voici :\n\n![capture 1.png](/api/attachments/${id}/preview)`,
    );
  });

  it('stay as written for a file without preview or not sent', () => {
    const body = `![a.pdf]${pictureReference('a.pdf')} ![b.png]${pictureReference('b.png')}`;
    expect(resolvePictureReferences(body, [{ sentName: 'a.pdf', id, previewable: false }])).toBe(body);
  });
});
