import { describe, expect, it } from 'vitest';
import { parseReplyAddress, replyAddress } from './reply-token';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const ticketA = '3f2b8c1e-6d4a-4b8e-9a7c-1e2d3c4b5a69';
const ticketB = '9a1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e';

describe('reply addresses', () => {
  it('round-trips a ticket id through a signed address at the given domain', () => {
    const address = replyAddress(secret, ticketA, 'support.example.ch');
    expect(address).toMatch(
      /^reply\+3f2b8c1e6d4a4b8e9a7c1e2d3c4b5a69\.[A-Za-z0-9_-]{22}@support\.example\.ch$/,
    );
    expect(address.split('@')[0]?.length).toBeLessThanOrEqual(64);
    expect(parseReplyAddress(secret, address)).toBe(ticketA);
  });

  it('accepts the display-name form and an upper-cased prefix', () => {
    const address = replyAddress(secret, ticketA, 'guichet.local');
    expect(parseReplyAddress(secret, `"Support" <${address}>`)).toBe(ticketA);
    expect(parseReplyAddress(secret, address.replace('reply+', 'REPLY+'))).toBe(ticketA);
  });

  it('refuses a tampered signature', () => {
    const address = replyAddress(secret, ticketA, 'guichet.local');
    const [local, domain] = address.split('@') as [string, string];
    const last = local.at(-1) === 'A' ? 'B' : 'A';
    expect(parseReplyAddress(secret, `${local.slice(0, -1)}${last}@${domain}`)).toBeNull();
    expect(parseReplyAddress(secret, `${local.slice(0, -3)}@${domain}`)).toBeNull();
  });

  it("refuses another ticket's id carrying a valid-looking signature", () => {
    const signatureOfA = replyAddress(secret, ticketA, 'd').split('.')[1]?.split('@')[0];
    const forged = `reply+${ticketB.replaceAll('-', '')}.${signatureOfA}@guichet.local`;
    expect(parseReplyAddress(secret, forged)).toBeNull();
  });

  it('refuses an address signed with another secret', () => {
    const address = replyAddress('another-secret-of-thirty-two-characters!', ticketA, 'guichet.local');
    expect(parseReplyAddress(secret, address)).toBeNull();
  });

  it('ignores addresses that are not reply addresses', () => {
    expect(parseReplyAddress(secret, 'support@guichet.local')).toBeNull();
    expect(parseReplyAddress(secret, 'reply+@guichet.local')).toBeNull();
    expect(parseReplyAddress(secret, 'reply+abc@guichet.local')).toBeNull();
    expect(parseReplyAddress(secret, 'reply+../x.y@guichet.local')).toBeNull();
  });
});
