/**
 * The aggregation target of a measurement: the domain for URL tests, the app or network for the
 * others, so that "is Telegram blocked on Rostelecom?" is one filter (target=telegram). A target
 * is a host read from the input or the test's own name, never a word of an input that names no
 * host ("not a url" is web_connectivity, not "not").
 */
import type { Envelope } from './model.js';
import { httpUrlHost } from './verdict/view.js';

const APP_TARGET: Record<string, string> = {
  telegram: 'telegram',
  signal: 'signal',
  whatsapp: 'whatsapp',
  facebook_messenger: 'facebook_messenger',
  tor: 'tor',
  vanilla_tor: 'tor',
  torsf: 'tor',
  psiphon: 'psiphon',
  riseupvpn: 'riseupvpn',
};

/** Tests whose input must be an http(s) URL (the rules read it so): any other input gives no host. */
const HTTP_INPUT = new Set(['web_connectivity']);

/** A host name (letters, digits, hyphens, at least one dot), an IPv4 address, or an IPv6 one. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?)+\.?|[0-9a-f:]*:[0-9a-f:.]+)$/i;

/** The host an input names: "scheme://host[:port]/..." or a bare "host[:port]" (dnscheck, tcp_connect, sni_blocking). */
export function inputHost(input: string, testName: string): string | null {
  // meek_fronted_requests_test: "front-domain host", joined from OONI's list
  const first = input.trim().split(' ')[0]!;
  // a host's root dot ("example.org.") names the same site: dropped, so one site is one target
  if (HTTP_INPUT.has(testName)) return httpUrlHost(first)?.replace(/\.$/, '') || null;
  let host: string | null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(first)) {
    try {
      host = new URL(first).hostname.replace(/^\[|\]$/g, '');
    } catch {
      host = null;
    }
  } else {
    const m = /^(\[[^\]]+\]|[^/:?#\s]+)(?::\d+)?$/.exec(first);
    host = m ? m[1]!.replace(/^\[|\]$/g, '') : null;
  }
  return host && HOST.test(host) ? host.toLowerCase().replace(/\.$/, '') : null;
}

export function targetOf(e: Envelope): string {
  const app = APP_TARGET[e.test_name];
  if (app) return app;
  const host = e.input ? inputHost(e.input, e.test_name) : null;
  return host ? host.replace(/^www\./, '') : e.test_name;
}
