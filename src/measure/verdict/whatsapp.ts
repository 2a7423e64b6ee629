/**
 * whatsapp (ts-018): the web client (web.whatsapp.com), the registration server
 * (v.whatsapp.net) and the chat endpoints (e1...e16.whatsapp.net, which the app needs to work).
 * Each is judged on its own operations, beside the probe's status keys: a key URL that failed on
 * every attempt, or no connect to a chat endpoint succeeding, is `likely_blocked` where it
 * stopped; where the measurement departs from a status key, app.status_key_departed says so.
 */
import type { Json } from '../reader/parse.js';
import {
  answeredText,
  departs,
  failedText,
  judgeBogons,
  maskedByBogon,
  urlOutcomes,
  whereFailed,
  type Bogons,
  type FailedAt,
  type UrlOutcome,
} from './app-endpoints.js';
import { likely, noteMasked } from './apps.js';
import type { VerdictBuilder } from './builder.js';
import { dnsQueries, tcpResults, type DnsQuery, type TcpResult } from './view.js';

const WHATSAPP_KEY_URLS = new Set(['https://web.whatsapp.com/', 'https://v.whatsapp.net/v2/register']);
/** The chat endpoints (ts-018: e1.whatsapp.net ... e16.whatsapp.net), which the app needs to work. */
const WHATSAPP_ENDPOINT = /^e\d+\.whatsapp\.net$/i;

/**
 * The connects to the chat endpoints: towards the addresses their lookups answered; where no
 * endpoint lookup is recorded, every connect but those to the web and registration hosts.
 */
function whatsappEndpointConnects(tk: Json, bg: Bogons): { tcp: TcpResult[]; queries: DnsQuery[] } {
  const qs = dnsQueries(tk);
  const queries = qs.filter((q) => q.hostname && WHATSAPP_ENDPOINT.test(q.hostname));
  const keyAddrs = new Set(qs.filter((q) => q.hostname && !WHATSAPP_ENDPOINT.test(q.hostname)).flatMap((q) => q.answers.map((a) => a.value)));
  const epAddrs = new Set(queries.flatMap((q) => q.answers.map((a) => a.value)));
  const tcp = tcpResults(tk).filter((t) => !bg.addrs.has(t.ip) && (queries.length ? epAddrs.has(t.ip) : !keyAddrs.has(t.ip)));
  return { tcp, queries };
}

export function whatsappVerdict(b: VerdictBuilder, tk: Json): void {
  const bg = judgeBogons(b, tk);
  noteMasked(b, tk, bg);
  const key = urlOutcomes(tk, (u) => WHATSAPP_KEY_URLS.has(u) && !maskedByBogon(bg, u));
  const ep = whatsappEndpointConnects(tk, bg);
  const epLookupFailed = ep.queries.find((q) => q.failure && !bg.hosts.has(q.hostname ?? ''));
  const epConnectFailed = ep.tcp.find((t) => t.failure) ?? ep.tcp[0];
  const epFailed: FailedAt | null =
    epConnectFailed && !ep.tcp.some((t) => t.success)
      ? { layer: 'tcp', failure: epConnectFailed.failure ?? 'generic_timeout_error', where: epConnectFailed.where }
      : !ep.tcp.length && epLookupFailed && !ep.queries.some((q) => q.answers.length)
        ? { layer: 'dns', failure: epLookupFailed.failure!, where: epLookupFailed.where }
        : null;
  const said = (k: string, v: string) => tk[k] === v;
  const of = (u: string) => key.find((o) => o.url === u);
  const keyed: [UrlOutcome | undefined, string, string][] = [
    [of('https://web.whatsapp.com/'), 'whatsapp_web_status', 'whatsapp_web_failure'],
    [of('https://v.whatsapp.net/v2/register'), 'registration_server_status', 'registration_server_failure'],
  ];
  const dead = key.find((o) => !o.answered);
  if (dead) likely(b, 'app.whatsapp_blocked', whereFailed(tk, dead));
  else if (epFailed) likely(b, 'app.whatsapp_blocked', epFailed);
  else if (key.length || ep.tcp.length) b.add(null, 'ok', 'app.whatsapp_ok');
  else return;
  // where the measurement departs from a status key, say so: a key says blocked and the URL answered, or ok and it never did
  for (const [o, k, fk] of keyed) {
    if (o?.answered && said(k, 'blocked')) departs(b, tk, k, fk, answeredText(o));
    if (o && !o.answered && said(k, 'ok')) departs(b, tk, k, fk, failedText(o));
  }
  const epOk = ep.tcp.filter((t) => t.success).length;
  if (said('whatsapp_endpoints_status', 'blocked') && epOk)
    departs(b, tk, 'whatsapp_endpoints_status', null, `${epOk} of ${ep.tcp.length} connects to the chat endpoints (e*.whatsapp.net) succeeded`);
  if (said('whatsapp_endpoints_status', 'ok') && epFailed)
    departs(b, tk, 'whatsapp_endpoints_status', null, `no chat endpoint (e*.whatsapp.net) reached: ${epFailed.failure} at ${epFailed.where}`);
}
