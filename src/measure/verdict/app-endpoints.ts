/**
 * What an app test's own observations say about its endpoints, beside the probe's status keys:
 * which URLs answered on at least one attempt (a retry that timed out is not a block), which
 * DNS answers are bogons (the block is at DNS, and failures towards those addresses follow from
 * it), and a note where our reading departs from a status key the probe wrote.
 */
import type { Evidence, Layer } from '../model.js';
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { failureKind, ipOfEndpoint, isBogon, layerOfOperation } from './failures.js';
import { asStr, dnsQueries, hostOf, httpResults, tcpResults, tlsResults, type HttpResult } from './view.js';

/** Per URL (in first-seen order): the first attempt that answered (no failure), and the first that failed. */
export interface UrlOutcome {
  url: string;
  answered: HttpResult | null;
  failed: HttpResult | null;
}

export function urlOutcomes(tk: Json, pick: (url: string) => boolean = () => true): UrlOutcome[] {
  const out = new Map<string, UrlOutcome>();
  for (const r of httpResults(tk)) {
    if (!r.url || !pick(r.url)) continue;
    const o = out.get(r.url) ?? { url: r.url, answered: null, failed: null };
    if (r.failure) o.failed ??= r;
    else o.answered ??= r;
    out.set(r.url, o);
  }
  return [...out.values()];
}

/** Bogon answers, and the hosts whose lookups or TLS handshakes led to a bogon address. */
export interface Bogons {
  answers: { value: string; where: string }[];
  addrs: Set<string>;
  hosts: Set<string>;
}

/**
 * Names whose published answer is a bogon by design, not endpoints: Signal's
 * uptime.signal.org answers 127.0.0.1 while the service is up (the shipped AM, BR, IT runs).
 */
const BOGON_BY_DESIGN = new Set(['uptime.signal.org']);

export function bogonsOf(tk: Json): Bogons {
  const answers: Bogons['answers'] = [];
  const hosts = new Set<string>();
  for (const q of dnsQueries(tk).filter((x) => !x.hostname || !BOGON_BY_DESIGN.has(x.hostname)))
    for (const a of q.answers)
      if (isBogon(a.value)) {
        answers.push(a);
        if (q.hostname) hosts.add(q.hostname);
      }
  for (const h of tlsResults(tk)) if (h.address && h.serverName && isBogon(ipOfEndpoint(h.address))) hosts.add(h.serverName);
  return { answers, addrs: new Set(answers.map((a) => a.value)), hosts };
}

/** A bogon answer is an artefact: blocked at DNS (`app.dns_bogon`). Returns what the other rules must mask. */
export function judgeBogons(b: VerdictBuilder, tk: Json): Bogons {
  const bg = bogonsOf(tk);
  if (bg.answers.length)
    b.add(
      'dns',
      'blocked',
      'app.dns_bogon',
      'dns.injection.bogon',
      bg.answers.slice(0, 3).map((a) => ({ rule: '', layer: 'dns', where: a.where, value: a.value })),
    );
  return bg;
}

/** Is a failure of this URL explained by a bogon answer for its host? */
export const maskedByBogon = (bg: Bogons, url: string | null): boolean => {
  const h = hostOf(url);
  return !!h && bg.hosts.has(h);
};

/** Note that our reading departs from the probe's status key `key` (`blocked` while the endpoint answered, or `ok` while it failed on every attempt), and why. */
export function departs(b: VerdictBuilder, tk: Json, key: string, failureKey: string | null, why: string): void {
  const f = failureKey ? asStr(tk[failureKey]) : null;
  const e: Evidence = { rule: '', where: `test_keys.${key}`, value: `probe: ${String(tk[key])}${f ? ` (${f})` : ''}; ${why}` };
  b.add(null, 'note', 'app.status_key_departed', null, [e]);
}

/** "https://x/ answered HTTP 200 at test_keys.requests[3]" */
export const answeredText = (o: UrlOutcome): string =>
  `${o.url} answered${o.answered?.status ? ` HTTP ${o.answered.status}` : ''} at ${o.answered?.where ?? '?'}${o.failed ? ` (another attempt failed: ${o.failed.failure})` : ''}`;

/** Where a failure was observed: the layer, the failure string, and the path of the operation. */
export interface FailedAt {
  layer: Layer;
  failure: string;
  where: string;
}

const defaultPort = (url: URL): number | null => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : null);

/**
 * Where a URL that failed on every attempt stopped, read from the operations towards its host:
 * DNS when no lookup of the host answered and one failed; TCP when no connect to any of the
 * host's addresses (or the address the URL names) on the URL's port succeeded and one failed;
 * TLS (https) when no handshake for the host completed and one failed; else the request's own
 * failure, at HTTP (at TCP for a refused or unreachable connection with no connect recorded). An operation that succeeded on another attempt (a retry, another address of
 * the same host) means that layer worked, so a stray failed retry never decides the layer.
 */
export function whereFailed(tk: Json, o: UrlOutcome): FailedAt | null {
  const host = hostOf(o.url);
  const req = o.failed;
  const url = URL.canParse(o.url) ? new URL(o.url) : null;
  let connectsRecorded = false;
  if (host) {
    const qs = dnsQueries(tk).filter((q) => q.hostname?.toLowerCase() === host);
    const qFailed = qs.find((q) => q.failure);
    if (qFailed && !qs.some((q) => q.answers.length)) return { layer: 'dns', failure: qFailed.failure!, where: qFailed.where };
    const addrs = new Set([host, ...qs.flatMap((q) => q.answers.map((a) => a.value))]);
    const port = url ? defaultPort(url) : null;
    const tcp = tcpResults(tk).filter((t) => addrs.has(t.ip) && (port === null || t.port === null || t.port === port));
    connectsRecorded = tcp.length > 0;
    const tFailed = tcp.find((t) => t.failure);
    if (tFailed && !tcp.some((t) => t.success)) return { layer: 'tcp', failure: tFailed.failure!, where: tFailed.where };
    if (url?.protocol === 'https:') {
      const tls = tlsResults(tk).filter((h) => h.serverName?.toLowerCase() === host);
      const hFailed = tls.find((h) => h.failure);
      if (hFailed && !tls.some((h) => !h.failure)) return { layer: 'tls', failure: hFailed.failure!, where: hFailed.where };
    }
  }
  if (!req?.failure) return null;
  // where no operation says otherwise, a certificate error is the handshake's, and a refused or
  // unreachable connection (only a connect fails so) is TCP's when no connect to the host was recorded
  const layer = layerOfOperation(null, req.failure);
  const kind = failureKind(req.failure);
  const atConnect = !connectsRecorded && (kind === 'refused' || kind === 'unreachable');
  return { layer: layer === 'dns' || layer === 'tls' ? layer : atConnect ? 'tcp' : 'http', failure: req.failure, where: req.where };
}

/** "https://x/ failed on every attempt (connection_reset at test_keys.requests[3])" */
export const failedText = (o: UrlOutcome): string => `${o.url} failed on every attempt (${o.failed?.failure ?? '?'} at ${o.failed?.where ?? '?'})`;
