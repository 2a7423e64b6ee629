/**
 * The redirect chain of a web_connectivity measurement, hop by hop. Version 0.5 tags each
 * observation with its hop (`depth=N`) and marks the browser-like path (`classic`): the system
 * resolver's answers, the connects to them, the fetch. The other observations (DoH and UDP
 * lookups, connects to the control's addresses) are cross-checks and must not vouch for the
 * path the user took. Untagged measurements (before 0.5) are one hop holding everything, as
 * their rules always read them.
 *
 * `judgeLaterHop` judges a hop after the first: the test helper follows the same redirects, so
 * its final fetch (`control.http_request`) is the control for every later hop.
 */
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { failureKind, mechanismFor } from './failures.js';
import {
  dnsQueries,
  hostOf,
  httpResults,
  tcpResults,
  tlsResults,
  type DnsQuery,
  type HttpResult,
  type Tagged,
  type TcpResult,
  type TlsResult,
} from './view.js';

export interface HopView {
  depth: number;
  host: string | null;
  queries: DnsQuery[];
  tcp: TcpResult[];
  tls: TlsResult[];
  /** The fetch of this hop (newest first when untagged: then the whole chain's requests). */
  requests: HttpResult[];
}

export interface Chain {
  /** The measurement carries depth/classic tags (web_connectivity >= 0.5). */
  tagged: boolean;
  hops: HopView[];
  /** Every request of the browser-like path, newest (deepest) first. */
  requests: HttpResult[];
  /** The probe marks the browser-like path (`classic` tags, web_connectivity >= 0.5.28 or so); else every observation is on it. */
  hasClassic: boolean;
}

const atDepth = <T extends Tagged>(xs: T[], d: number) => xs.filter((x) => (x.depth ?? 0) === d);

/** The lookups a browser would have made: `classic` when marked, else the system resolver's, else all but DoH. */
function classicQueries(qs: DnsQuery[], hasClassic: boolean): DnsQuery[] {
  if (hasClassic) return qs.filter((q) => q.classic);
  const system = qs.filter((q) => q.engine === 'getaddrinfo' || q.engine === 'system');
  return system.length ? system : qs.filter((q) => q.engine !== 'doh');
}

export function chainOf(tk: Json, inputHost: string | null): Chain {
  const queries = dnsQueries(tk);
  const tcp = tcpResults(tk);
  const tls = tlsResults(tk);
  const reqs = httpResults(tk);
  const tagged = [...queries, ...tcp, ...tls, ...reqs].some((x) => x.depth !== null);
  if (!tagged) {
    const hostQueries = queries.filter((q) => !inputHost || !q.hostname || q.hostname.toLowerCase() === inputHost);
    return { tagged, hops: [{ depth: 0, host: inputHost, queries: hostQueries, tcp, tls, requests: reqs }], requests: reqs, hasClassic: false };
  }
  const hasClassic = [...queries, ...tcp, ...tls, ...reqs].some((x) => x.classic && x.depth !== null);
  const classic = <T extends Tagged>(xs: T[]) => (hasClassic ? xs.filter((x) => x.classic) : xs);
  const maxDepth = Math.max(0, ...[...classicQueries(queries, hasClassic), ...classic(tcp), ...classic(tls), ...classic(reqs)].map((x) => x.depth ?? 0));
  const hops: HopView[] = [];
  for (let d = 0; d <= maxDepth; d++) {
    const hq = classicQueries(atDepth(queries, d), hasClassic);
    const req = atDepth(classic(reqs), d);
    const host = hq[0]?.hostname?.toLowerCase() ?? hostOf(req[0]?.url) ?? (d === 0 ? inputHost : null);
    hops.push({
      depth: d,
      host,
      queries: d === 0 && inputHost ? hq.filter((q) => !q.hostname || q.hostname.toLowerCase() === inputHost) : hq,
      tcp: atDepth(classic(tcp), d),
      tls: atDepth(classic(tls), d),
      requests: req,
    });
  }
  const requests = classic(reqs).sort((a, b) => (b.depth ?? 0) - (a.depth ?? 0));
  return { tagged, hops, requests, hasClassic };
}

/** The observations a fetch went over (fetch_body=true) when marked, else all of them. */
export const onPath = <T extends Tagged>(xs: T[]) => (xs.some((x) => x.fetchBody !== null) ? xs.filter((x) => x.fetchBody === true) : xs);

/** Where a later hop failed: the first layer of that hop with no success. */
export function hopFailure(h: HopView, httpFailure: string | null): { layer: 'dns' | 'tcp' | 'tls' | 'http'; failure: string; where: string } | null {
  if (h.queries.length && h.queries.every((q) => q.failure || q.answers.length === 0)) {
    const q = h.queries.find((x) => x.failure) ?? h.queries[0]!;
    return { layer: 'dns', failure: q.failure ?? 'dns_no_answer', where: q.where };
  }
  const tcp = onPath(h.tcp);
  if (tcp.length && !tcp.some((t) => t.success)) return { layer: 'tcp', failure: tcp[0]!.failure ?? 'generic_timeout_error', where: tcp[0]!.where };
  const tls = onPath(h.tls);
  if (tls.length && !tls.some((t) => !t.failure)) return { layer: 'tls', failure: tls[0]!.failure!, where: tls[0]!.where };
  const req = h.requests[0];
  if (req?.failure && req.status === null) return { layer: 'http', failure: req.failure, where: req.where };
  if (!req && httpFailure) {
    // nothing recorded past the lookup: place the chain's failure by its kind
    const k = failureKind(httpFailure);
    return {
      layer: k === 'nxdomain' || k === 'dns_refused' ? 'dns' : k.startsWith('ssl') ? 'tls' : 'tcp',
      failure: httpFailure,
      where: 'test_keys.http_experiment_failure',
    };
  }
  return null;
}

/** Judge the hop where a redirect chain broke, against the test helper's own run of the chain. */
export function judgeLaterHop(
  b: VerdictBuilder,
  h: HopView,
  httpFailure: string | null,
  ctrl: { ok: boolean; reachedPage: boolean; failure: string | null },
): boolean {
  const f = hopFailure(h, httpFailure);
  if (!f) return false;
  const ev = [{ rule: '', layer: f.layer, where: f.where, value: `hop ${h.depth} ${h.host ?? ''}: ${f.failure}`.trim() }];
  if (ctrl.reachedPage) b.add(f.layer, 'likely_blocked', 'redirect.failure_ctrl_ok', mechanismFor(f.layer, f.failure), ev);
  else if (ctrl.ok)
    b.add(f.layer, 'down', 'redirect.failure_ctrl_failing', null, [
      ...ev,
      { rule: '', where: 'test_keys.control.http_request.failure', value: ctrl.failure ?? 'no page' },
    ]);
  else b.add(f.layer, 'insufficient', 'redirect.failure_no_ctrl', mechanismFor(f.layer, f.failure), ev);
  return true;
}
