import { describe, expect, it } from 'vitest';
import { allowedAddresses, isInwardAddress, RefusedAddressError } from './address-guard';

describe('webhook address guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => {
    expect(isInwardAddress(address)).toBe(true);
  });
  it.each(['93.184.216.34', '8.8.8.8', '2001:4860:4860::8888', '::ffff:8.8.8.8'])(
    'lets %s through',
    (address) => {
      expect(isInwardAddress(address)).toBe(false);
    },
  );
  it('checks literal addresses without asking DNS, and lets them through when the endpoint allows it', async () => {
    await expect(allowedAddresses('127.0.0.1', false)).rejects.toBeInstanceOf(RefusedAddressError);
    await expect(allowedAddresses('[::1]', false)).rejects.toBeInstanceOf(RefusedAddressError);
    expect(await allowedAddresses('127.0.0.1', true)).toEqual([{ address: '127.0.0.1', family: 4 }]);
  });
});
