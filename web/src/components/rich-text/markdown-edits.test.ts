import { describe, expect, it } from 'vitest';
import {
  bulletList,
  code,
  insertBlock,
  link,
  pictureMarkdown,
  withPendingPictures,
  wrap,
} from './markdown-edits';

describe('editor edits', () => {
  it('wraps the selection in bold and keeps it selected', () => {
    expect(wrap({ text: 'un mot ici', start: 3, end: 6 }, '**', '**', 'gras')).toEqual({
      text: 'un **mot** ici',
      start: 5,
      end: 8,
    });
  });

  it('inserts a selected placeholder when nothing is selected', () => {
    expect(wrap({ text: 'a ', start: 2, end: 2 }, '_', '_', 'italique')).toEqual({
      text: 'a _italique_',
      start: 3,
      end: 11,
    });
  });

  it('makes the selected lines, or the line of the cursor, a list; on an empty line starts one', () => {
    expect(bulletList({ text: 'un\ndeux', start: 0, end: 7 }, 'x').text).toBe('- un\n- deux');
    expect(bulletList({ text: 'texte', start: 5, end: 5 }, 'élément').text).toBe('- texte');
    expect(bulletList({ text: 'texte\n', start: 6, end: 6 }, 'élément')).toEqual({
      text: 'texte\n- élément',
      start: 8,
      end: 15,
    });
  });

  it('makes a link with the address selected', () => {
    expect(link({ text: 'voir guide', start: 5, end: 10 }, 'lien')).toEqual({
      text: 'voir [guide](https://)',
      start: 13,
      end: 21,
    });
  });

  it('uses a fenced block for code over several lines', () => {
    expect(code({ text: 'a\nb', start: 0, end: 3 }, 'code').text).toBe('```\na\nb\n```');
    expect(code({ text: 'x', start: 0, end: 1 }, 'code').text).toBe('`x`');
  });

  it('inserts a block on lines of its own', () => {
    expect(insertBlock({ text: 'avant après', start: 6, end: 6 }, 'BLOC').text).toBe('avant \nBLOC\naprès');
  });

  it('refers to a pasted picture by its name until it is stored', () => {
    expect(pictureMarkdown('capture 1.png')).toBe('![capture 1.png](attachment:capture%201.png)');
    expect(withPendingPictures('a ![c.png](attachment:c.png) b', (n) => `image ${n}`)).toBe(
      'a _image c.png_ b',
    );
  });
});
