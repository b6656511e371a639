import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS, CRITICALITIES, TICKET_STATUSES } from '../domain/tickets/index';
import {
  closeReasonLabels,
  criticalityDefinitions,
  criticalityLabels,
  statusLabels,
  statusNextSteps,
  statusTurns,
  ticketLabelTree,
} from './ticket-labels';

describe('the one source of ticket labels', () => {
  it('names every status, criticality and closing reason in fr, de and en', () => {
    const tables = [statusLabels, statusTurns, statusNextSteps, criticalityLabels, criticalityDefinitions];
    for (const table of [...tables, closeReasonLabels])
      for (const texts of Object.values(table)) expect(Object.keys(texts).sort()).toEqual(['de', 'en', 'fr']);
    expect(Object.keys(statusLabels).sort()).toEqual([...TICKET_STATUSES].sort());
    expect(Object.keys(criticalityLabels).sort()).toEqual([...CRITICALITIES].sort());
    expect(Object.keys(closeReasonLabels).sort()).toEqual([...CLOSE_REASONS].sort());
  });

  it('keeps the reference French wording of the domain (R4, R6)', () => {
    expect(statusLabels.waiting_development.fr).toBe('Attente développement (RPC)');
    expect(statusLabels.waiting_customer.fr).toBe('Attente client');
    expect(criticalityDefinitions.basse.fr).toMatch(/contournement est facile/i);
    expect(criticalityDefinitions.critique.fr).toMatch(/perte de chiffre/i);
  });

  it('speaks to the customer, not about them', () => {
    for (const texts of Object.values(criticalityDefinitions)) {
      expect(texts.fr).not.toMatch(/pour le client/);
      expect(texts.de).not.toMatch(/für den Kunden/);
      expect(texts.en).not.toMatch(/for the customer/);
    }
  });

  it('gives the web client one tree per language', () => {
    const de = ticketLabelTree('de');
    expect(de.status.open).toBe('Offen');
    expect(de.criticality.haute).toBe('Hoch');
    expect(de.closeReason.no_answer).toBe('Keine Antwort');
  });
});
