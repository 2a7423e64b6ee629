/**
 * Facebook's address space (AS32934) as the shipped IP-to-AS table lists it
 * (`@ip-location-db/asn` asn-ipv4.csv / asn-ipv6.csv, the rows of AS32934). The
 * facebook_messenger rules check the probe's DNS answers against it when the probe wrote no
 * ASN of its own (`asn: null`): the verdict stays pure, and facebook-as.test.ts fails when the
 * installed table and this list differ.
 */
import { Address4, Address6 } from 'ip-address';

export const FACEBOOK_ASN = 32934;

/** Inclusive [first, last] ranges, as in the table. */
export const FACEBOOK_RANGES: readonly (readonly [string, string])[] = [
  ['31.13.24.0', '31.13.31.255'],
  ['31.13.64.0', '31.13.127.255'],
  ['45.64.40.0', '45.64.43.255'],
  ['57.141.0.0', '57.141.14.255'],
  ['57.141.16.0', '57.141.20.255'],
  ['57.144.0.0', '57.147.255.255'],
  ['66.220.144.0', '66.220.159.255'],
  ['69.63.176.0', '69.63.191.255'],
  ['69.171.224.0', '69.171.255.255'],
  ['74.119.76.0', '74.119.79.255'],
  ['102.132.96.0', '102.132.111.255'],
  ['103.4.96.0', '103.4.99.255'],
  ['129.134.0.0', '129.134.127.255'],
  ['147.75.208.0', '147.75.223.255'],
  ['157.240.0.0', '157.240.127.255'],
  ['157.240.192.0', '157.240.255.255'],
  ['163.70.128.0', '163.70.255.255'],
  ['163.77.132.0', '163.77.133.255'],
  ['163.77.136.0', '163.77.137.255'],
  ['173.252.64.0', '173.252.127.255'],
  ['179.60.192.0', '179.60.195.255'],
  ['185.60.216.0', '185.60.219.255'],
  ['185.89.216.0', '185.89.219.255'],
  ['204.15.20.0', '204.15.23.255'],
  ['2620:0:1c00::', '2620::1cff:ffff:ffff:ffff:ffff:ffff'],
  ['2a03:2880::', '2a03:2880:ffff:ffff:ffff:ffff:ffff:ffff'],
  ['2a03:83e0::', '2a03:83e0:ffff:ffff:ffff:ffff:ffff:ffff'],
];

/**
 * A plain IPv4 or IPv6 address as a number (IPv6 tagged above 2^128, so the families never
 * overlap), or null; parsed by `ip-address`, as the register parses addresses. A CIDR is no answer.
 */
export function ipNumber(ip: string): bigint | null {
  if (ip.includes('/')) return null;
  try {
    return ip.includes(':') ? new Address6(ip).bigInt() + (1n << 129n) : new Address4(ip).bigInt();
  } catch {
    return null;
  }
}

const RANGES = FACEBOOK_RANGES.map(([a, b]) => [ipNumber(a)!, ipNumber(b)!] as const);

/** Is this address in AS32934 by the shipped table? */
export function inFacebookAs(ip: string): boolean {
  const n = ipNumber(ip);
  return n !== null && RANGES.some(([a, b]) => n >= a && n <= b);
}
