import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../i18n/language';
import { mailTemplates, renderTemplate } from './index';
import { sampleTicket } from './ticket-view';

const closed = { ...sampleTicket, status: 'closed' };
const token = 'survey-token-abc';
const link = `/survey/${token}`;

/** The invitation's button in each language, and the words that betray another language's copy. */
const action: Record<Language, string> = {
  fr: 'Donner mon avis',
  de: 'Bewertung abgeben',
  en: 'Give my opinion',
};

const closings = {
  'ticket.closed': { ticket: closed, reason: 'solution_delivered', surveyToken: token },
  'ticket.status_changed': {
    ticket: closed,
    from: 'in_progress',
    to: 'closed',
    closeReason: 'solution_delivered',
    surveyToken: token,
  },
} as const;

const cases = Object.keys(closings).flatMap((name) =>
  languages.map((language) => [name as keyof typeof closings, language] as const),
);

describe('the closing mails invite the requester to the satisfaction survey', () => {
  it.each(cases)('%s in %s carries the link once, in its own language only', (name, language) => {
    const template = mailTemplates.get(name);
    if (!template) throw new Error(name);
    const mail = renderTemplate(template, language, closings[name]);
    expect(mail.text.split(link).length - 1).toBe(1);
    expect(mail.html).toContain(link);
    expect(mail.text).toContain(action[language]);
    for (const other of languages.filter((l) => l !== language)) {
      expect(mail.text).not.toContain(action[other]);
    }
  });

  it.each(cases)('%s in %s says nothing of a survey without a token', (name, language) => {
    const template = mailTemplates.get(name);
    if (!template) throw new Error(name);
    const { surveyToken: _none, ...params } = closings[name];
    const mail = renderTemplate(template, language, params);
    expect(mail.text).not.toContain('/survey/');
    expect(mail.text).not.toContain(action[language]);
  });
});
