import { describe, expect, it } from 'vitest';
import { type CannedAnswerContext, fillVariables, unknownVariables } from './variables';

const context = (_language: string): CannedAnswerContext => ({
  customer: { name: 'Greta Bergmann' },
  companyName: 'Bergmann AG',
  ticket: { key: 'SUP-1042', subject: 'Export' },
  agent: { name: 'Anne Agent' },
  resolutionDue: '3. Dezember 2026 um 16:30',
});

describe('canned answer variables', () => {
  it('fills each known variable, the due time as written for the customer', () => {
    const text =
      'Hallo {{customer.firstName}}, {{ticket.key}} ({{company.name}}) bis {{sla.resolutionDue}}. {{agent.name}}';
    expect(fillVariables(text, context('de'))).toEqual({
      text: 'Hallo Greta, SUP-1042 (Bergmann AG) bis 3. Dezember 2026 um 16:30. Anne Agent',
      unknown: [],
    });
  });

  it('leaves unknown variables visible and names them once', () => {
    expect(
      fillVariables('{{ customer.firstName }} {{customer.age}} {{customer.age}}', context('fr')),
    ).toEqual({
      text: 'Greta {{customer.age}} {{customer.age}}',
      unknown: ['customer.age'],
    });
    expect(unknownVariables('{{ticket.key}} {{ticket.nope}}')).toEqual(['ticket.nope']);
  });
});
