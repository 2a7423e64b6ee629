/**
 * IP tokens of the register ("149.154.167.99", "149.154.160.0/22", "2620:12a:8000::3") parsed
 * with the `ip-address` library into inclusive numeric ranges. No hand-rolled address parsing:
 * the library validates (no leading zeros, octets <= 255, mask <= 32/128) and computes the
 * network's first and last address. Dumps repeat the same addresses thousands of times, so
 * results are memoised (bounded) to keep imports fast.
 */
import { Address4, Address6 } from 'ip-address';

export interface ParsedIp {
  family: 4 | 6;
  first: bigint;
  last: bigint;
  prefix: number;
  /** A CIDR written with host bits set (1.2.3.4/24): the library takes the network. */
  hostBits: boolean;
}

const CACHE_LIMIT = 200_000;
const cache = new Map<string, ParsedIp | null>();

/** The library's parsed octets as one number (base 256); no parsing happens here. */
const octets = (a: Address4): number => {
  const [o0, o1, o2, o3] = a.toArray() as [number, number, number, number];
  return o0 * 16777216 + o1 * 65536 + o2 * 256 + o3;
};

function parse4(token: string): ParsedIp | null {
  let a: Address4;
  try {
    a = new Address4(token);
  } catch {
    return null;
  }
  if (a.subnetMask === 32) {
    const v = BigInt(octets(a));
    return { family: 4, first: v, last: v, prefix: 32, hostBits: false };
  }
  const first = octets(a.startAddress());
  return { family: 4, first: BigInt(first), last: BigInt(octets(a.endAddress())), prefix: a.subnetMask, hostBits: octets(a) !== first };
}

function parse6(token: string): ParsedIp | null {
  let a: Address6;
  try {
    a = new Address6(token);
  } catch {
    return null;
  }
  const first = a.startAddress().bigInt();
  return { family: 6, first, last: a.endAddress().bigInt(), prefix: a.subnetMask, hostBits: a.bigInt() !== first };
}

/** Parse one token (IPv4 or IPv6, address or CIDR); null when it is not a valid address. */
export function parseIp(token: string): ParsedIp | null {
  const hit = cache.get(token);
  if (hit !== undefined) return hit;
  const parsed = token.includes(':') ? parse6(token) : parse4(token);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(token, parsed);
  return parsed;
}

/** A parsed IPv4 address as a number (exact below 2^53), for interval arithmetic. */
export const ipv4Number = (token: string): number | null => {
  const p = parseIp(token);
  return p && p.family === 4 && p.prefix === 32 ? Number(p.first) : null;
};

/** Dotted-quad text of an IPv4 number (for output of ranges computed by the union). */
export const ipv4Text = (n: number): string => Address4.fromBigInt(BigInt(n)).address;

/** The register's way of writing a stored range: "a.b.c.d" or "a.b.c.d/nn" (IPv6 likewise). */
export function rangeToken(family: 4 | 6, first: bigint, prefix: number): string {
  const text = family === 4 ? Address4.fromBigInt(first).address : Address6.fromBigInt(first).correctForm();
  return prefix === (family === 4 ? 32 : 128) ? text : `${text}/${prefix}`;
}

/** "a.b.c.d/nn" when [first, last] is one CIDR block, else "a.b.c.d-e.f.g.h". */
export function rangeText(first: number, last: number): string {
  const count = last - first + 1;
  if (count === 1) return ipv4Text(first);
  const bits = Math.log2(count);
  if (Number.isInteger(bits) && first % count === 0) return `${ipv4Text(first)}/${32 - bits}`;
  return `${ipv4Text(first)}-${ipv4Text(last)}`;
}
