import { z } from 'zod';
import { formatDateTime } from '../../i18n/format';
import { defineTemplate } from './types';

/** To administrators: a webhook endpoint failed every delivery for the configured period and was disabled. */
export default defineTemplate({
  name: 'webhook.disabled',
  audience: 'account',
  footer: 'automatic',
  autoSubmitted: 'auto-generated',
  params: z.object({
    name: z.string().default(''),
    url: z.string(),
    failingSince: z.string(),
    link: z.string(),
  }),
  sample: {
    name: 'Marie Muster',
    url: 'https://hooks.example.com/guichet',
    failingSince: '2026-03-02T09:00:00.000Z',
    link: 'http://localhost:3000/admin/webhooks',
  },
  fr: {
    subject: () => 'Webhook désactivé après des échecs répétés',
    body: (p) => [
      { kind: 'p', text: p.name ? `Bonjour ${p.name},` : 'Bonjour,' },
      {
        kind: 'p',
        text: `L'adresse ${p.url} n'a accepté aucun envoi depuis le ${formatDateTime(p.failingSince, 'fr')}. Elle a été désactivée ; les envois en attente sont conservés et partiront dans l'ordre quand vous la réactiverez.`,
      },
      { kind: 'action', label: 'Voir le journal des envois', url: p.link },
    ],
  },
  de: {
    subject: () => 'Webhook nach wiederholten Fehlern deaktiviert',
    body: (p) => [
      { kind: 'p', text: p.name ? `Guten Tag ${p.name}` : 'Guten Tag' },
      {
        kind: 'p',
        text: `Die Adresse ${p.url} hat seit ${formatDateTime(p.failingSince, 'de')} keine Zustellung angenommen. Sie wurde deaktiviert; wartende Zustellungen bleiben erhalten und werden in ihrer Reihenfolge gesendet, sobald Sie sie wieder aktivieren.`,
      },
      { kind: 'action', label: 'Zustellprotokoll ansehen', url: p.link },
    ],
  },
  en: {
    subject: () => 'Webhook disabled after repeated failures',
    body: (p) => [
      { kind: 'p', text: p.name ? `Hello ${p.name},` : 'Hello,' },
      {
        kind: 'p',
        text: `The address ${p.url} has accepted no delivery since ${formatDateTime(p.failingSince, 'en')}. It has been disabled; pending deliveries are kept and will leave in order once you enable it again.`,
      },
      { kind: 'action', label: 'See the delivery log', url: p.link },
    ],
  },
});
