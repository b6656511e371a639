import type { MailRendering } from '../app/context';
import { loadTicketView } from './render-ticket';
import { findTemplate, renderTemplate } from './templates/index';

/** Ticket mails rendered from the very templates the outbox uses, for previews shown to staff. */
export const mailRendering: MailRendering = {
  async previewTicketMail(db, { template: name, ticketId, publicUrl, language, params }) {
    const view = await loadTicketView(db, ticketId, publicUrl);
    const template = findTemplate(name);
    if (!view || !template) return null;
    const { subject, text } = renderTemplate(template, language, { ...params, ticket: view });
    return { subject, text };
  },
};
