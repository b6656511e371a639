import { type AddressObject, simpleParser } from 'mailparser';

export interface InboundAttachment {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** Inline parts (images shown in the body, referenced by `cid:`) are kept as attachments too. */
  inline: boolean;
  contentId: string | null;
}

/** What the pipeline needs from a mail, parsed once (charsets and transfer encodings decoded). */
export interface ParsedMail {
  /** Message-ID without angle brackets, or null when the mail has none. */
  messageId: string | null;
  from: { address: string; name: string } | null;
  /**
   * Every address the mail was delivered to: To, Cc, Delivered-To, X-Original-To. The case is kept:
   * the signature of a reply address is case-sensitive.
   */
  recipients: string[];
  subject: string;
  /** In-Reply-To then References, without angle brackets, most recent first. */
  threadIds: string[];
  /** Raw header values by lower-case name (several values when a header repeats). */
  headers: Record<string, string[]>;
  text: string | null;
  html: string | null;
  attachments: InboundAttachment[];
}

export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  const mail = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true, skipImageLinks: true });
  const headers: Record<string, string[]> = {};
  for (const { key, line } of mail.headerLines) {
    const colon = line.indexOf(':');
    const value = (colon >= 0 ? line.slice(colon + 1) : '').replace(/\r?\n[ \t]+/g, ' ').trim();
    const name = key.toLowerCase();
    headers[name] = [...(headers[name] ?? []), value];
  }
  const from = addressesOf(mail.from)[0] ?? null;
  const recipients = [
    ...addressesOf(mail.to, false),
    ...addressesOf(mail.cc, false),
    ...[...(headers['delivered-to'] ?? []), ...(headers['x-original-to'] ?? [])].flatMap(extractAddresses),
  ].map((a) => a.address);
  const references = Array.isArray(mail.references)
    ? mail.references
    : mail.references
      ? [mail.references]
      : [];
  const threadIds = unique([
    ...(mail.inReplyTo ? extractMessageIds(mail.inReplyTo) : []),
    ...references.flatMap(extractMessageIds).reverse(),
  ]);
  return {
    messageId: mail.messageId ? (extractMessageIds(mail.messageId)[0] ?? null) : null,
    from: from ? { address: from.address, name: from.name } : null,
    recipients: unique(recipients),
    subject: mail.subject ?? '',
    threadIds,
    headers,
    // mailparser derives a text from the HTML when there is no text part; the cleaner does better.
    text: hasPlainTextPart(raw, headers) ? (mail.text ?? null) : null,
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments: mail.attachments.map((a, i) => ({
      fileName: a.filename ?? `attachment-${i + 1}${extensionFor(a.contentType)}`,
      contentType: a.contentType,
      bytes: a.content,
      inline: a.contentDisposition === 'inline' || a.related === true,
      contentId: a.cid ?? null,
    })),
  };
}

function hasPlainTextPart(raw: Buffer, headers: Record<string, string[]>): boolean {
  const topLevel = headers['content-type']?.[0];
  if (!topLevel) return true;
  if (/^\s*text\/plain/i.test(topLevel)) return true;
  return /^content-type:\s*text\/plain/im.test(raw.toString('latin1'));
}

function addressesOf(
  field: AddressObject | AddressObject[] | undefined,
  lowerCase = true,
): { address: string; name: string }[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const out: { address: string; name: string }[] = [];
  const visit = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.group) visit(entry.group);
      else if (entry.address) {
        const address = entry.address.trim();
        out.push({ address: lowerCase ? address.toLowerCase() : address, name: entry.name ?? '' });
      }
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

function extractAddresses(value: string): { address: string }[] {
  return [...value.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((m) => ({ address: m[0] }));
}

/** `<a@b> <c@d>` → ['a@b', 'c@d']; a bare id without brackets is accepted too. */
export function extractMessageIds(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string);
  if (bracketed.length > 0) return bracketed;
  const bare = value.trim();
  return bare && !/\s/.test(bare) ? [bare] : [];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function extensionFor(contentType: string): string {
  const known: Record<string, string> = {
    'image/png': '.png',
    'image/jpeg': '.jpg',
    'image/gif': '.gif',
    'application/pdf': '.pdf',
    'text/plain': '.txt',
  };
  return known[contentType.toLowerCase()] ?? '';
}
