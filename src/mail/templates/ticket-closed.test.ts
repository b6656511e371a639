import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../i18n/format';
import { languages } from '../../i18n/language';
import { mailTemplates, renderTemplate } from './index';
import { sampleTicket } from './ticket-view';

const template = mailTemplates.get('ticket.closed');
const closed = { ...sampleTicket, status: 'closed' };
// Reminders sent late, after an outage: the mail names the instants they actually left.
const sentAt = ['2027-02-06T12:20:00.000Z', '2027-02-11T12:20:00.000Z'];

const sentences = {
  fr: (a: string, b: string) => `Des rappels vous ont été envoyés le ${a} et le ${b}.`,
  de: (a: string, b: string) => `Erinnerungen wurden Ihnen am ${a} und am ${b} gesendet.`,
  en: (a: string, b: string) => `Reminders were sent to you on ${a} and on ${b}.`,
};

describe('R9: the closing mail says when the reminders were sent', () => {
  it.each(languages)('names both reminders in %s, in the text and the HTML', (language) => {
    if (!template) throw new Error('ticket.closed missing');
    const mail = renderTemplate(template, language, {
      ticket: closed,
      reason: 'no_answer',
      remindersSentAt: sentAt,
    });
    const [first = '', second = ''] = sentAt.map((at) => formatDateTime(at, language));
    expect(first).toMatch(/2027/);
    const sentence = sentences[language](first, second);
    expect(mail.text.replace(/\s+/g, ' ')).toContain(sentence);
    expect(mail.html.replace(/\s+/g, ' ')).toContain(sentence.replace(/'/g, '&#39;'));
  });

  it.each(languages)('says nothing of reminders in %s when a person closed the request', (language) => {
    if (!template) throw new Error('ticket.closed missing');
    const mail = renderTemplate(template, language, { ticket: closed, reason: 'solution_delivered' });
    for (const words of ['rappel', 'Erinnerung', 'eminder']) expect(mail.text).not.toContain(words);
  });
});
