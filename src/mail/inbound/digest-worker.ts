// Entry point of the mail worker threads (see digest-pool.ts): one task is one mail.
import { type DigestOptions, digestMail, mailAttachments } from './digest';

export type DigestTask =
  | { kind: 'digest'; raw: Uint8Array; options: DigestOptions }
  | { kind: 'attachments'; raw: Uint8Array };

export default function run(task: DigestTask) {
  return task.kind === 'digest' ? digestMail(task.raw, task.options) : mailAttachments(task.raw);
}
