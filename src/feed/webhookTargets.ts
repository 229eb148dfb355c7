// Where a webhook may POST to. Without permission, only public addresses: a registered URL must
// not let anyone reach into the network the API runs in (SSRF). Checked at registration and
// again before every delivery, since a name can be pointed elsewhere later.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const)
  privateRanges.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
] as const)
  privateRanges.addSubnet(network, prefix, 'ipv6');

/** A reason the URL cannot be a webhook target, or null when it can. */
export async function targetProblem(url: string, allowPrivateTargets: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.protocol !== 'https:' && !(allowPrivateTargets && parsed.protocol === 'http:')) return 'must be an https:// URL';
  if (parsed.username || parsed.password) return 'must not contain credentials (the signature authenticates us)';
  if (allowPrivateTargets) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    return `names a host that does not resolve ("${host}")`;
  }
  const blocked = addresses.find(({ address, family }) => privateRanges.check(address, family === 6 ? 'ipv6' : 'ipv4'));
  return blocked ? `points to a private or local address (${blocked.address})` : null;
}
