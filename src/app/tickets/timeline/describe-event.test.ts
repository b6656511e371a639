import { describe, expect, it } from 'vitest';
import { rawPartsOf } from '../../../../test/support/raw-text';
import { languages } from '../../../i18n/language';
import { TICKET_EVENT_KINDS, type TicketEventKind } from '../record-event';
import { type DescribableEvent, describeEvent, type TimelineRefs } from './describe-event';

const anne = '293c84fb-5b0a-4c43-9c4f-5d1e2f3a4b5c';
const bruno = '7a1d2e3f-1111-4222-8333-944455566677';
const assistance = 'b1b2b3b4-0000-4000-8000-000000000001';
const flex = 'b1b2b3b4-0000-4000-8000-000000000002';
const refs: TimelineRefs = {
  people: new Map([
    [anne, 'Anne Agent'],
    [bruno, 'Bruno Client'],
  ]),
  requestTypes: new Map([
    [assistance, { fr: 'Assistance', de: 'Unterstützung', en: 'Assistance' }],
    [flex, { fr: 'Solva Flex', de: 'Solva Flex', en: 'Solva Flex' }],
  ]),
};

const event = (kind: TicketEventKind, rest: Partial<DescribableEvent> = {}): DescribableEvent => ({
  kind,
  actorName: 'Anne Agent',
  before: null,
  after: null,
  data: {},
  ...rest,
});

/** Every kind with the shapes it is stored in (the record fails to compile when a kind is added). */
const samples: Record<TicketEventKind, DescribableEvent[]> = {
  created: [
    event('created', {
      actorName: 'Bruno Client',
      data: {
        desk: 'support',
        key: 'SUP-1',
        criticality: 'haute',
        requestTypeId: assistance,
        onBehalfOf: null,
      },
    }),
    event('created', {
      data: {
        criticality: 'basse',
        requestTypeId: flex,
        onBehalfOf: bruno,
        attachments: [{ id: anne, fileName: 'capture.png' }],
      },
    }),
  ],
  qualified: [
    event('qualified', {
      before: { status: 'open', qualifiedAt: null },
      after: { status: 'qualified', qualifiedAt: '2026-12-01T20:09:42.370Z' },
    }),
  ],
  status_changed: [
    event('status_changed', {
      before: { status: 'in_progress' },
      after: { status: 'waiting_customer' },
      data: { reason: 'raw_reason_key' },
    }),
    event('status_changed', {
      before: { status: 'in_progress', rpcReference: null },
      after: { status: 'waiting_development', rpcReference: 'RPC-2291' },
    }),
    event('status_changed', {
      before: { status: 'waiting_customer', lastCustomerActivityAt: '2026-11-01T08:00:00.000Z' },
      after: { status: 'in_progress', lastCustomerActivityAt: '2026-12-01T08:00:00.000Z' },
      actorName: 'Bruno Client',
    }),
  ],
  criticality_changed: [
    event('criticality_changed', {
      before: { criticality: 'haute' },
      after: { criticality: 'moyenne' },
      data: { reason: 'Un contournement existe', direction: 'lowered' },
    }),
    event('criticality_changed', {
      before: { criticality: 'basse' },
      after: { criticality: 'critique' },
      data: { reason: 'Production bloquée', direction: 'raised' },
    }),
  ],
  type_changed: [
    event('type_changed', {
      before: { requestTypeId: assistance },
      after: { requestTypeId: flex },
      data: { countsTowardSla: false, code: 'solva_flex' },
    }),
  ],
  assigned: [
    event('assigned', { before: { assigneeId: null }, after: { assigneeId: anne } }),
    event('assigned', { before: { assigneeId: anne }, after: { assigneeId: null } }),
    event('assigned', {
      before: { assigneeId: null },
      after: { assigneeId: '00000000-0000-4000-8000-00000000dead' },
    }),
  ],
  taken: [
    event('taken', {
      before: { status: 'qualified', assigneeId: null },
      after: { status: 'in_progress', assigneeId: anne },
    }),
  ],
  transferred: [
    event('transferred', {
      before: { status: 'in_progress', desk: 'support', assigneeId: anne },
      after: { status: 'transferred_consulting', desk: 'consulting', assigneeId: null },
    }),
  ],
  closed: [
    event('closed', {
      before: { status: 'in_progress', closeReason: null, closedAt: null },
      after: { status: 'closed', closeReason: 'solution_delivered', closedAt: '2026-12-01T20:09:42.370Z' },
      data: { closeReason: 'solution_delivered' },
    }),
    event('closed', {
      actorName: null,
      before: { status: 'waiting_customer', closeReason: null },
      after: { status: 'closed', closeReason: 'no_answer' },
      data: { closeReason: 'no_answer' },
    }),
  ],
  message: [
    event('message', { data: { messageId: anne, source: 'portal', byStaff: true } }),
    event('message', {
      actorName: 'Bruno Client',
      data: { messageId: anne, source: 'mail', from: 'bruno@example.ch' },
    }),
    event('message', {
      data: {
        messageId: anne,
        source: 'portal',
        attachments: [
          { id: anne, fileName: 'a.log' },
          { id: bruno, fileName: 'b.png' },
        ],
      },
    }),
  ],
  internal_note: [event('internal_note', { data: { messageId: anne, source: 'portal' } })],
  field_changed: [
    event('field_changed', { data: { field: 'attachments', added: [{ id: anne, fileName: 'erreur.log' }] } }),
    event('field_changed', {
      data: { field: 'someFutureField' },
      before: { module: 'x' },
      after: { module: 'y' },
    }),
  ],
  refused_reply: [
    event('refused_reply', {
      actorName: null,
      data: { messageId: anne, source: 'mail', from: 'x@example.ch' },
    }),
    event('refused_reply', { actorName: 'Bruno Client', data: { messageId: anne, source: 'portal' } }),
  ],
  reminder_sent: [
    event('reminder_sent', { actorName: null, data: { reminder: 1, closeAt: '2026-12-21T08:00:00.000Z' } }),
    event('reminder_sent', { actorName: null, data: { reminder: 2, closeAt: null } }),
  ],
  reminder_queued: [
    event('reminder_queued', {
      actorName: null,
      data: { reminder: 1, series: '12', closeAt: '2026-12-21T08:00:00.000Z', outboxId: 4 },
    }),
  ],
  reminder_not_sent: [
    event('reminder_not_sent', {
      actorName: null,
      data: { reminder: 2, series: '12', closeAt: '2026-12-21T08:00:00.000Z', reason: 'no_customer_contact' },
    }),
  ],
  mail_not_sent: [
    event('mail_not_sent', {
      actorName: null,
      data: { reminder: 1, outboxId: 4, template: 'ticket.reminder_1', status: 'dropped', reason: 'x' },
    }),
    event('mail_not_sent', {
      actorName: null,
      data: { reminder: 2, outboxId: 5, template: 'ticket.reminder_2', status: 'failed', reason: 'x' },
    }),
    event('mail_not_sent', { actorName: null, data: { outboxId: 6, status: 'failed' } }),
  ],
  auto_close_suspended: [
    event('auto_close_suspended', {
      actorName: null,
      data: { reminder: 1, series: '12', outboxId: 4, reason: '550 mailbox unknown' },
    }),
  ],
  sla_recomputed: [
    event('sla_recomputed', {
      before: { engagementDueAt: '2026-12-01T09:00:00.000Z', resolutionDueAt: null, slaState: 'running' },
      after: {
        engagementDueAt: '2026-12-01T10:00:00.000Z',
        resolutionDueAt: '2026-12-03T10:00:00.000Z',
        slaState: 'at_risk',
      },
      data: { reason: 'sla.targets.updated', auditId: 12 },
    }),
    event('sla_recomputed', {
      data: { reason: 'calendar.updated' },
      before: { slaState: 'paused' },
      after: { slaState: 'breached' },
    }),
  ],
  survey_answered: [
    event('survey_answered', { data: { score: 4, comment: 'Rapide et clair', via: 'mail' } }),
    event('survey_answered', { data: { score: 2, comment: null, via: 'portal' } }),
  ],
};

function sample(kind: TicketEventKind, index: number): DescribableEvent {
  const found = samples[kind][index];
  if (!found) throw new Error(`no sample ${kind}[${index}]`);
  return found;
}

// What people wrote or named themselves may look like a key and is shown as written.
const written = ['x@example.ch', 'capture.png', 'a.log', 'b.png', 'erreur.log', 'RPC-2291'];

describe('describeEvent (R14: a history people can read)', () => {
  it('has samples for every stored kind of event', () => {
    expect(Object.keys(samples).sort()).toEqual([...TICKET_EVENT_KINDS].sort());
  });

  for (const language of languages) {
    for (const kind of TICKET_EVENT_KINDS) {
      it(`describes ${kind} in ${language} without raw keys, ids or ISO dates`, () => {
        for (const sample of samples[kind]) {
          const { summary, details } = describeEvent(sample, refs, language);
          expect(summary.length).toBeGreaterThan(0);
          for (const text of [summary, ...details]) expect(rawPartsOf(text, written), text).toEqual([]);
        }
      });
    }
  }

  it('states a change of status with both labels, and who took the request', () => {
    expect(describeEvent(sample('status_changed', 0), refs, 'fr').details).toContain(
      'Statut : En cours → Attente client',
    );
    expect(describeEvent(sample('taken', 0), refs, 'fr').summary).toBe(
      'Anne Agent a pris la demande en charge',
    );
    expect(describeEvent(sample('assigned', 0), refs, 'de').summary).toBe(
      'Zugewiesen an Anne Agent durch Anne Agent',
    );
  });

  it('names the person and type instead of their ids, and says "unknown" for someone since deleted', () => {
    expect(describeEvent(sample('type_changed', 0), refs, 'en').details).toEqual([
      'Type: Assistance → Solva Flex',
    ]);
    expect(describeEvent(sample('assigned', 2), refs, 'en').summary).toBe(
      'Assigned to unknown by Anne Agent',
    );
  });

  it('gives dates in Zurich time in the reader’s locale', () => {
    const reminder = sample('reminder_sent', 0);
    // 08:00 UTC in December is 09:00 in Zurich.
    expect(describeEvent(reminder, refs, 'de').details[0]).toMatch(/21\. Dez\. 2026, 09:00/);
    expect(describeEvent(reminder, refs, 'en').details[0]).toMatch(/21 Dec 2026, 09:00/);
  });

  it('gives the reason of a criticality change, and never the internal reason key of other events', () => {
    expect(describeEvent(sample('criticality_changed', 0), refs, 'fr').details).toContain(
      'Raison : Un contournement existe',
    );
    const sla = describeEvent(sample('sla_recomputed', 0), refs, 'fr');
    expect(sla.summary).toBe('Échéances SLA recalculées : objectifs SLA modifiés');
  });

  it('gives the satisfaction score and the comment the customer wrote', () => {
    const answered = describeEvent(sample('survey_answered', 0), refs, 'fr');
    expect(answered.summary).toMatch(/a évalué le traitement de la demande : 4 sur 5$/);
    expect(answered.details).toEqual(['Commentaire : Rapide et clair']);
    expect(describeEvent(sample('survey_answered', 1), refs, 'de').summary).toMatch(/2 von 5$/);
    expect(describeEvent(sample('survey_answered', 1), refs, 'en').details).toEqual([]);
  });
});
