import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Networks a webhook may not reach unless its endpoint allows the private network: loopback,
 * private ranges, link-local (cloud metadata services live there), carrier-grade NAT, multicast,
 * reserved and unspecified addresses. The check is on the resolved address, at registration and
 * again on every connection, so a name that later resolves inward is refused too.
 */
const inward = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  inward.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  inward.addSubnet(net, bits, 'ipv6');
}

/** Whether an address belongs to a private, loopback, link-local or otherwise inward network. */
export function isInwardAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isInwardAddress(mapped[1]);
  const family = isIP(address);
  if (family === 4) return inward.check(address, 'ipv4');
  if (family === 6) return inward.check(address, 'ipv6');
  return true;
}

export class RefusedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host} resolves to ${address}, an address of a private network, which this endpoint may not reach`,
    );
    this.name = 'RefusedAddressError';
  }
}

/** The host's addresses, each allowed; throws RefusedAddressError for the first inward one. */
export async function allowedAddresses(
  host: string,
  allowPrivateNetwork: boolean,
): Promise<{ address: string; family: number }[]> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const found = isIP(bare) ? [{ address: bare, family: isIP(bare) }] : await lookup(bare, { all: true });
  if (!allowPrivateNetwork) {
    const refused = found.find((a) => isInwardAddress(a.address));
    if (refused) throw new RefusedAddressError(bare, refused.address);
  }
  return found;
}
