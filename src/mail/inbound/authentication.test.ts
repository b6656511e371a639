import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults, senderAuthenticated } from './authentication';

const mail = (from: string, ...results: string[]) => ({
  from: { address: from, name: '' },
  headers: { 'authentication-results': results },
});

describe('Authentication-Results of the trusted MTA', () => {
  it('reads the authserv-id and each method with its properties, comments left out', () => {
    expect(
      parseAuthenticationResults(
        'mx.guichet.test (Postfix); spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=a@acme.ch; dkim=fail header.d=acme.ch; dmarc=pass header.from=acme.ch',
      ),
    ).toEqual({
      authservId: 'mx.guichet.test',
      methods: [
        { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'a@acme.ch' } },
        { method: 'dkim', result: 'fail', properties: { 'header.d': 'acme.ch' } },
        { method: 'dmarc', result: 'pass', properties: { 'header.from': 'acme.ch' } },
      ],
    });
  });

  it('passes on DMARC pass, or on SPF or DKIM pass for the From domain', () => {
    const trusted = 'mx.guichet.test';
    expect(senderAuthenticated(mail('a@acme.ch', `${trusted}; dmarc=pass`), trusted)).toBe(true);
    expect(
      senderAuthenticated(mail('a@acme.ch', `${trusted}; spf=pass smtp.mailfrom=bounce@acme.ch`), trusted),
    ).toBe(true);
    expect(senderAuthenticated(mail('a@acme.ch', `${trusted}; dkim=pass header.d=acme.ch`), trusted)).toBe(
      true,
    );
    expect(
      senderAuthenticated(mail('a@acme.ch', `${trusted}; dkim=pass header.d=evil.example`), trusted),
    ).toBe(false);
    expect(senderAuthenticated(mail('a@acme.ch', `${trusted}; spf=softfail; dmarc=fail`), trusted)).toBe(
      false,
    );
  });

  it('believes only the topmost header, and only from the configured MTA', () => {
    const trusted = 'mx.guichet.test';
    // A header the sender wrote sits below the one the receiving MTA added.
    expect(
      senderAuthenticated(mail('a@acme.ch', `${trusted}; dmarc=fail`, `${trusted}; dmarc=pass`), trusted),
    ).toBe(false);
    expect(senderAuthenticated(mail('a@acme.ch', 'mx.evil.example; dmarc=pass'), trusted)).toBe(false);
    expect(senderAuthenticated(mail('a@acme.ch', `${trusted}; dmarc=pass`), undefined)).toBe(false);
    expect(senderAuthenticated(mail('a@acme.ch'), trusted)).toBe(false);
  });
});
