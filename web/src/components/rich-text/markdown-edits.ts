/** One edit of the text: the new text and the selection to leave in it. */
export interface Edit {
  text: string;
  start: number;
  end: number;
}

interface Selection {
  text: string;
  start: number;
  end: number;
}

/** Surrounds the selection (or a placeholder, selected afterwards) with `before` and `after`. */
export function wrap(
  { text, start, end }: Selection,
  before: string,
  after: string,
  placeholder: string,
): Edit {
  const inner = text.slice(start, end) || placeholder;
  const at = start + before.length;
  return {
    text: text.slice(0, start) + before + inner + after + text.slice(end),
    start: at,
    end: at + inner.length,
  };
}

/** Makes each selected line a list item, or starts one on a line of its own. */
export function bulletList({ text, start, end }: Selection, placeholder: string): Edit {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const selected = text.slice(lineStart, end);
  if (selected.trim() === '') {
    const lead = start === 0 || text[start - 1] === '\n' ? '' : '\n';
    const item = `${lead}- ${placeholder}`;
    return {
      text: text.slice(0, start) + item + text.slice(end),
      start: start + item.length - placeholder.length,
      end: start + item.length,
    };
  }
  const listed = selected
    .split('\n')
    .map((line) => (line.startsWith('- ') ? line : `- ${line}`))
    .join('\n');
  return {
    text: text.slice(0, lineStart) + listed + text.slice(end),
    start: lineStart,
    end: lineStart + listed.length,
  };
}

/** `[selection](https://)`, with the address selected for typing. */
export function link({ text, start, end }: Selection, placeholder: string): Edit {
  const label = text.slice(start, end) || placeholder;
  const url = /^https?:\/\//.test(label) ? label : 'https://';
  const inserted = `[${label}](${url})`;
  const urlAt = start + label.length + 3;
  return { text: text.slice(0, start) + inserted + text.slice(end), start: urlAt, end: urlAt + url.length };
}

/** Inline code, or a fenced block when the selection spans lines. */
export function code(selection: Selection, placeholder: string): Edit {
  const selected = selection.text.slice(selection.start, selection.end);
  return selected.includes('\n')
    ? wrap(selection, '```\n', '\n```', placeholder)
    : wrap(selection, '`', '`', placeholder);
}

/** Inserts a block of text at the cursor, on lines of its own, the cursor after it. */
export function insertBlock({ text, start, end }: Selection, block: string): Edit {
  const before = start === 0 || text[start - 1] === '\n' ? '' : '\n';
  const after = text[end] === undefined || text[end] === '\n' ? '' : '\n';
  const inserted = `${before}${block}${after}`;
  const at = start + inserted.length;
  return { text: text.slice(0, start) + inserted + text.slice(end), start: at, end: at };
}

/**
 * How the editor refers to a pasted picture until it is stored with the message; the server
 * (src/rich-text/picture-references.ts) turns it into the address of the stored preview.
 */
export const pictureMarkdown = (fileName: string) =>
  `![${fileName.replace(/[[\]\\]/g, '')}](attachment:${encodeURIComponent(fileName)})`;

/** In the preview, a picture not yet sent is named rather than shown. */
export const withPendingPictures = (text: string, nameOf: (name: string) => string) =>
  text.replace(/!\[([^\]]*)\]\(attachment:[^)]*\)/g, (_m, name: string) => `_${nameOf(name)}_`);
