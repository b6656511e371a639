import { z } from 'zod';
import { plural } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { type Block, defineTemplate } from './types';

const kinds = ['customer_reply', 'assigned', 'mention', 'transferred', 'sla_warning'] as const;
type Kind = (typeof kinds)[number];

const params = z.object({
  name: z.string(),
  items: z.array(
    z.object({ kind: z.enum(kinds), key: z.string(), subject: z.string(), actorName: z.string().nullish() }),
  ),
  url: z.string(),
});
type Params = z.infer<typeof params>;

const words = {
  fr: {
    subject: 'Résumé du jour',
    hello: (name: string) => `Bonjour ${name},`,
    intro: 'voici ce qui vous attend dans la console :',
    notices: { one: 'notification non lue', other: 'notifications non lues' },
    action: 'Ouvrir la console',
    kinds: {
      customer_reply: 'réponse du client',
      assigned: 'attribuée à vous',
      mention: 'mentionné dans une note',
      transferred: 'transférée au consulting',
      sla_warning: 'délai SLA en danger',
    },
    by: 'par',
    colon: ' : ',
  },
  de: {
    subject: 'Tageszusammenfassung',
    hello: (name: string) => `Guten Tag ${name}`,
    intro: 'Folgendes wartet in der Konsole auf Sie:',
    notices: { one: 'ungelesene Benachrichtigung', other: 'ungelesene Benachrichtigungen' },
    action: 'Konsole öffnen',
    kinds: {
      customer_reply: 'Antwort des Kunden',
      assigned: 'Ihnen zugewiesen',
      mention: 'in einer Notiz erwähnt',
      transferred: 'an Consulting übergeben',
      sla_warning: 'SLA-Frist gefährdet',
    },
    by: 'von',
    colon: ': ',
  },
  en: {
    subject: 'Your daily summary',
    hello: (name: string) => `Hello ${name},`,
    intro: 'here is what waits for you in the console:',
    notices: { one: 'unread notification', other: 'unread notifications' },
    action: 'Open the console',
    kinds: {
      customer_reply: 'customer replied',
      assigned: 'assigned to you',
      mention: 'mentioned in a note',
      transferred: 'transferred to Consulting',
      sla_warning: 'SLA target at risk',
    },
    by: 'by',
    colon: ': ',
  },
} satisfies Record<Language, unknown>;

function version(language: Language) {
  const w = words[language];
  const line = (item: Params['items'][number]) =>
    `${w.kinds[item.kind as Kind]}${item.actorName ? ` (${w.by} ${item.actorName})` : ''}${w.colon}${item.subject}`;
  return {
    subject: (p: Params) => `${w.subject}${w.colon}${plural(p.items.length, language, w.notices)}`,
    body: (p: Params): Block[] => [
      { kind: 'p', text: w.hello(p.name) },
      { kind: 'p', text: `${w.intro} ${plural(p.items.length, language, w.notices)}.` },
      { kind: 'facts', rows: p.items.map((item): [string, string] => [item.key, line(item)]) },
      { kind: 'action', label: w.action, url: p.url },
    ],
  };
}

/** The daily digest, for staff who chose one mail a day instead of a mail per notice. */
export default defineTemplate({
  name: 'staff.digest',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params,
  sample: {
    name: 'Anne Agent',
    items: [
      { kind: 'customer_reply', key: 'SUP-1042', subject: 'Export bloqué', actorName: 'Claire Dubois' },
      { kind: 'assigned', key: 'SUP-1043', subject: 'Paie de mars', actorName: 'Bruno Admin' },
    ],
    url: 'http://localhost:3000/staff',
  },
  fr: version('fr'),
  de: version('de'),
  en: version('en'),
});
