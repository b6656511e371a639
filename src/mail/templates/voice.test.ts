import { describe, expect, it } from 'vitest';
import { glossaryLabels, voiceProblems } from '../../../test/support/voice';
import { languages } from '../../i18n/language';
import { criticalityLabels, statusLabels } from '../../i18n/ticket-labels';
import { mailTemplates, renderTemplate } from './index';

/** What a reader sees of the HTML body: the text between the tags, entities decoded. */
const visible = (html: string) =>
  html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const withoutUrls = (text: string) => text.replace(/https?:\/\/\S+/g, ' ');

describe('every mail speaks with one voice, in fr, de and en', () => {
  const cases = [...mailTemplates.values()].flatMap((t) => languages.map((l) => [t.name, l] as const));

  it.each(cases)(
    '%s in %s: dates by the formatting module, plurals, no key, the glossary',
    (name, language) => {
      const template = mailTemplates.get(name);
      if (!template) throw new Error(name);
      const mail = renderTemplate(template, language, template.sample);
      const scope = template.audience === 'staff' ? 'staff' : 'customer';
      for (const part of [mail.subject, visible(mail.html), mail.text])
        expect(voiceProblems(withoutUrls(part), language, scope)).toEqual([]);
    },
  );

  it('names statuses and criticalities as the glossary does', () => {
    expect(glossaryLabels.statuses).toEqual(statusLabels);
    expect(glossaryLabels.criticalities).toEqual(criticalityLabels);
  });
});

describe('the footer depends on the mail', () => {
  const render = (name: string, language: (typeof languages)[number]) => {
    const template = mailTemplates.get(name);
    if (!template) throw new Error(name);
    return renderTemplate(template, language, template.sample);
  };
  const replyInvitation = {
    fr: 'votre réponse sera ajoutée',
    de: 'Ihre Antwort wird der Anfrage hinzugefügt',
    en: 'your answer will be added',
  };
  const newRequestLink = 'http://localhost:3000/tickets/new?linkedTo=0d8a5f7e-3a1b-4c55-9a43-6e5b1f2d7c10';

  it.each(languages)('invites a reply only where it is welcome (%s)', (language) => {
    for (const template of mailTemplates.values()) {
      const mail = render(template.name, language);
      const invites = mail.text.includes(replyInvitation[language]);
      expect(invites, template.name).toBe(template.footer === 'reply');
    }
  });

  it.each(languages)(
    'R10 answer and closing mail say to open a new request, with the link (%s)',
    (language) => {
      for (const name of ['ticket.closed_auto_answer', 'ticket.closed']) {
        const mail = render(name, language);
        const footer = mail.text.split('\n-- \n')[1] ?? '';
        expect(footer, name).toMatch(/nouvelle demande|neue Anfrage|new request/);
        expect(footer, name).toContain(newRequestLink);
        expect(mail.html, name).toContain(`href="${newRequestLink}"`);
        expect(mail.text, name).not.toContain(replyInvitation[language]);
      }
    },
  );
});

describe('the voice checks catch what they name', () => {
  it('finds foreign dates, plural mismatches, keys and glossary breaches', () => {
    expect(voiceProblems('Ouvert le 2026-12-01, vu le 12/1/26, 9:16 PM', 'en', 'customer')).toEqual([
      'ISO date: 2026-12-01',
      'numeric date: 12/1/26',
      '12-hour time: 9:16 PM',
    ]);
    expect(voiceProblems('1 tickets affichés, 1 saisies', 'fr', 'staff')).toEqual([
      'plural: 1 tickets',
      'plural: 1 saisies',
    ]);
    expect(voiceProblems('1 requests', 'en', 'staff')).toEqual(['plural: 1 requests']);
    expect(voiceProblems('Titre : portal.home.waitingTitle', 'fr', 'staff')).toEqual([
      'untranslated key: portal.home.waitingTitle',
    ]);
    expect(voiceProblems('Contactez le Customer Services.', 'fr', 'staff')).toHaveLength(1);
    expect(voiceProblems('Nos consultants la vérifient.', 'fr', 'customer')).toHaveLength(1);
    expect(voiceProblems('Un projet avec nos consultants.', 'fr', 'customer')).toEqual([]);
    expect(voiceProblems('Votre ticket', 'fr', 'staff')).toEqual([]);
    expect(voiceProblems('Lebenswichtiger Prozess, 40 h 00', 'de', 'staff')).toHaveLength(3);
  });
});
