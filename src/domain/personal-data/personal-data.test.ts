import { describe, expect, it } from 'vitest';
import { erasedMailAddress, identifyingTexts, literalPattern } from './erasure';
import { retainedValues, retentionCutoff } from './retention';

describe('erasure', () => {
  it('gives an erased account a unique address that no mail server delivers', () => {
    expect(erasedMailAddress('0b5c')).toBe('erased-0b5c@erased.invalid');
  });

  it('names the texts to replace, longest first, without blanks or duplicates', () => {
    expect(
      identifyingTexts({
        name: ' Ada Lovelace ',
        email: 'ada@example.test',
        notificationEmail: 'ada@example.test',
        phone: '',
      }),
    ).toEqual({ names: ['Ada Lovelace'], contacts: ['ada@example.test'] });
    expect(identifyingTexts({ name: 'Al', email: 'x@y.ch', phone: '+41 79 000 00 00' }).contacts).toEqual([
      '+41 79 000 00 00',
      'x@y.ch',
    ]);
  });

  it('quotes the characters a regular expression would read', () => {
    expect(literalPattern('a.b+c (d)')).toBe('a\\.b\\+c \\(d\\)');
    expect(new RegExp(literalPattern('+41 (0)79')).test('call +41 (0)79')).toBe(true);
  });
});

describe('retention', () => {
  it('counts calendar years back from now', () => {
    expect(retentionCutoff(new Date('2026-03-02T09:00:00Z'), 2).toISOString()).toBe(
      '2024-03-02T09:00:00.000Z',
    );
  });

  it('falls back to 28 February when the year has no 29th', () => {
    expect(retentionCutoff(new Date('2028-02-29T12:00:00Z'), 1).toISOString()).toBe(
      '2027-02-28T12:00:00.000Z',
    );
  });
});

describe('retained event payloads', () => {
  it('keep coded values and drop free texts', () => {
    expect(
      retainedValues({
        status: 'waiting_customer',
        assigneeId: '0b5c7a3e-1111-4222-8333-944455556666',
        subject: 'Problème chez Ada Lovelace',
        minutes: 30,
        nested: { reason: 'Appelé Ada', key: 'SUP-1042' },
      }),
    ).toEqual({
      status: 'waiting_customer',
      assigneeId: '0b5c7a3e-1111-4222-8333-944455556666',
      subject: '[—]',
      minutes: 30,
      nested: { reason: '[—]', key: 'SUP-1042' },
    });
  });
});
