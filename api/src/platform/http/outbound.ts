import { lookup as dnsLookup, promises as dns, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * Outbound HTTP to addresses chosen by users (webhooks), guarded against SSRF: unless
 * private targets are allowed, every address a host resolves to must be public. The check
 * runs inside the connection's own DNS lookup, so the address that is checked is the one
 * that is connected to (no second resolution an attacker could rebind).
 */

// Two lists: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 rules.
const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blockedV4.addSubnet(net, prefix, 'ipv4');
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  // ::/96 holds the unspecified, loopback and IPv4-compatible addresses; 2002::/16 (6to4) embeds an IPv4
  // address; fec0::/10 is the deprecated site-local range that some stacks still route privately.
  ['::', 96], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blockedV6.addSubnet(net, prefix, 'ipv6');

/** Loopback, private, link-local, CGNAT, multicast, documentation and IPv4-mapped addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blockedV4.check(address, 'ipv4');
  if (family === 6) return /^::ffff:/i.test(address) || blockedV6.check(address, 'ipv6');
  return true;
}

export class BlockedAddressError extends Error {
  readonly code = 'BLOCKED_ADDRESS';
  constructor(host: string, address: string) {
    super(`${host} resolves to a private or reserved address (${address})`);
  }
}

const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

/** Resolves a URL's host and fails when any of its addresses is not public. */
export async function assertPublicUrl(url: URL): Promise<void> {
  const host = bareHost(url.hostname);
  const addresses = isIP(host) ? [host] : (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new BlockedAddressError(host, bad);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
    if (err) return callback(err, '');
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new BlockedAddressError(hostname, bad.address) as NodeJS.ErrnoException, '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

export interface PostResult {
  status: number;
  latencyMs: number;
}

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

/** POSTs a body and resolves with the response status (redirects are not followed). */
export function postJson(target: string, body: string, options: PostOptions): Promise<PostResult> {
  const url = new URL(target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`Unsupported protocol ${url.protocol}`));
  const host = bareHost(url.hostname);
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.reject(new BlockedAddressError(host, host));
  const client = url.protocol === 'https:' ? https : http;
  const started = process.hrtime.bigint();
  return new Promise<PostResult>((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...options.headers },
        lookup: options.allowPrivate ? undefined : (guardedLookup as unknown as typeof dnsLookup),
        timeout: options.timeoutMs,
      },
      (res) => {
        const latencyMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
        res.resume();
        resolve({ status: res.statusCode ?? 0, latencyMs });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`No response within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
