/**
 * How a message or a description was written. Texts from before Markdown, and inbound mail
 * reduced to text, are 'plain': shown as written, line breaks kept, nothing read as formatting.
 */
export const MESSAGE_FORMATS = ['plain', 'markdown'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
