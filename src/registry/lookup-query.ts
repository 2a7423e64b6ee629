/**
 * What `registry lookup` searches for, read from what the user typed: one IP address or one
 * domain. A URL (with or without its scheme) is looked up by its host, and the answer says so; a
 * domain is compared without its trailing dot and in lower case, as DNS names are, and in both
 * its IDNA forms (punycode and Unicode: dumps store either), so `xn--p1ai` and `рф` are one name.
 * A range, a URL without a host and anything else is VALIDATION naming `q` and saying what to give.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { AppError } from '../shared/index.js';
import { parseIp } from './addresses.js';

export interface LookupQuery {
  kind: 'ip' | 'domain';
  /** The address or domain searched. */
  target: string;
  /** 'url' when `target` is the host of a URL the user gave. */
  from: 'url' | null;
}

const refuse = (message: string, issue: string): never => {
  throw new AppError('VALIDATION', message, { issues: [{ path: ['q'], message: issue }] });
};

const looksLikeIp = (s: string) => /^[0-9.]+$/.test(s) || s.includes(':');

/** The host of a URL's authority: user info and port left out, an IPv6 address unbracketed. */
function hostOf(q: string, authority: string): string {
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:\d*$/, '');
  return host || refuse(`"${q}" is a URL with no host: give the domain or IP address to look up`, 'a URL without a host');
}

function classify(q: string, s: string, from: LookupQuery['from']): LookupQuery {
  if (looksLikeIp(s)) return { kind: 'ip', target: s, from };
  const domain = s.replace(/\.$/, '').toLowerCase();
  if (!domain || domain.startsWith('.') || domain.includes('..')) {
    refuse(`"${q}" is not an IP address or a domain`, 'an IPv4/IPv6 address or a domain name');
  }
  return { kind: 'domain', target: domain, from };
}

export function lookupQuery(q: string): LookupQuery {
  const s = q.trim();
  if (!s || /\s/.test(s) || s.length > 2048) refuse(`"${q}" is not an IP address or a domain`, 'an IPv4/IPv6 address or a domain name');
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(s);
  if (url) return classify(q, hostOf(q, url[1]!), 'url');
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const before = s.slice(0, slash);
    if (looksLikeIp(before) || parseIp(before)) refuse(`"${q}": look up one address, not a range`, 'one address, e.g. 149.154.167.99');
    return classify(q, hostOf(q, before), 'url');
  }
  if (s.length > 253) refuse(`"${q}" is not an IP address or a domain`, 'an IPv4/IPv6 address or a domain name');
  return classify(q, s, null);
}

/**
 * The forms a domain is searched under: as given, then its other IDNA form (punycode for a
 * Unicode name, Unicode for a punycode one) when that differs. A name IDNA cannot convert is
 * searched as given only.
 */
export function domainForms(domain: string): string[] {
  const ascii = domainToASCII(domain);
  if (!ascii) return [domain];
  const forms = [domain, ascii, domainToUnicode(ascii)].filter((f) => f !== '');
  return [...new Set(forms)];
}
