import { describe, expect, it } from 'vitest';
import { replyAddress } from '../reply-token';
import { routingHints, senderAllowed } from './routing';

const secret = 'routing-secret-of-more-than-thirty-two-chars';
const ticket = '0b8e1c6a-2f4d-4e6a-9c1b-7d3e5f2a1b0c';

describe('routing hints', () => {
  it('finds the ticket of a signed reply address among recipients and the envelope', () => {
    const address = replyAddress(secret, ticket, 'guichet.local');
    const inTo = routingHints({ recipients: [address], threadIds: [], subject: '' }, { secret });
    expect(inTo.tokenTicketIds).toEqual([ticket]);
    const inEnvelope = routingHints(
      { recipients: ['support@guichet.local'], threadIds: [], subject: '' },
      { secret, envelopeTo: [address.toUpperCase().replace('REPLY+', 'reply+')] },
    );
    // Upper-casing breaks the base64url signature: such an address is not trusted.
    expect(inEnvelope.tokenTicketIds).toEqual([]);
    expect(
      routingHints({ recipients: [], threadIds: [], subject: '' }, { secret, envelopeTo: [address] })
        .tokenTicketIds,
    ).toEqual([ticket]);
  });

  it('ignores a forged reply address', () => {
    const forged = `reply+${ticket.replaceAll('-', '')}.AAAAAAAAAAAAAAAAAAAAAA@guichet.local`;
    expect(
      routingHints({ recipients: [forged], threadIds: [], subject: '' }, { secret }).tokenTicketIds,
    ).toEqual([]);
  });

  it('reads thread ids and subject keys', () => {
    const hints = routingHints(
      {
        recipients: [],
        threadIds: [`ticket-${ticket}@guichet.local`, 'other@x'],
        subject: 'RE: [sup-1042] Erreur [SUP-7]',
      },
      { secret },
    );
    expect(hints.threadIds).toEqual([`ticket-${ticket}@guichet.local`, 'other@x']);
    expect(hints.subjectKeys).toEqual(['SUP-1042', 'SUP-7']);
  });

  it('allows a sender who is a user of the company or writes from one of its domains', () => {
    expect(senderAllowed({ userOfCompany: true, domainOfCompany: false })).toBe(true);
    expect(senderAllowed({ userOfCompany: false, domainOfCompany: true })).toBe(true);
    expect(senderAllowed({ userOfCompany: false, domainOfCompany: false })).toBe(false);
  });
});
