/**
 * OONI fastpath-compatible scoring (ooni/backend fastpath/core.py, as summarised in the notes;
 * our own code): per-test `blocking_*` scores and `accuracy`, then the three flags everything
 * downstream uses: anomaly = blocking_general > 0.5, failure = accuracy < 0.5, confirmed = a
 * country/ISP block-page fingerprint matched. Kept apart from our own verdict so that a user can
 * compare us with OONI Explorer line by line.
 */
import { isConfirmingMatch, type FingerprintMatcher } from '../fingerprints/matcher.js';
import type { Fingerprint } from '../fingerprints/load.js';
import type { Envelope, OoniFlags } from '../model.js';
import type { Json } from '../reader/parse.js';
import { asArr, asObj, asStr, dnsQueries, httpResults, tcpResults } from './view.js';

export interface Scores {
  blocking_general: number;
  blocking_country: number;
  blocking_isp: number;
  blocking_local: number;
  blocking_global: number;
  accuracy: number;
  confirmed: boolean;
  blocking_type: string | null;
}

const init = (): Scores => ({
  blocking_general: 0,
  blocking_country: 0,
  blocking_isp: 0,
  blocking_local: 0,
  blocking_global: 0,
  accuracy: 1,
  confirmed: false,
  blocking_type: null,
});

export interface CompatInput {
  env: Envelope;
  tk: Json | null;
  raw: Json;
  matcher: FingerprintMatcher;
  /** Engine version from annotations (signal gate). */
  engineVersion: string | null;
}

/** Compare dotted versions: -1, 0, 1. */
export function cmpVersion(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}

const LOCALITY: Record<string, keyof Scores> = { nat: 'blocking_country', isp: 'blocking_isp', inst: 'blocking_local', prod: 'blocking_general' };

/** Fingerprint matches over DNS answers and HTTP responses, as fastpath's match_fingerprints. */
export function ooniMatches(tk: Json, m: FingerprintMatcher): Fingerprint[] {
  const out: Fingerprint[] = [];
  for (const q of dnsQueries(tk)) for (const a of q.answers) out.push(...m.matchDns(a.value));
  for (const r of httpResults(tk)) out.push(...m.matchHttp(r).map((x) => x.fp));
  return out;
}

function hasUnknownFailure(tk: Json): boolean {
  return Object.entries(tk).some(([k, v]) => k.endsWith('_failure') && typeof v === 'string' && v.startsWith('unknown_failure'));
}

function webConnectivity(s: Scores, x: CompatInput, tk: Json): void {
  const matches = ooniMatches(tk, x.matcher);
  for (const fp of matches) {
    if (!isConfirmingMatch(x.env.probe_cc, fp)) continue;
    s.confirmed = true;
    const l = LOCALITY[fp.scope ?? ''] ?? 'blocking_general';
    (s[l] as number) = 1;
  }
  const blocking = tk.blocking;
  if (blocking === 'tcp_ip' || blocking === 'dns' || blocking === 'http-diff' || blocking === 'http-failure') {
    s.blocking_general = Math.max(s.blocking_general, 1);
    s.blocking_type = blocking;
  } else if (blocking === false) {
    /* accessible or down: no score */
  } else if ((blocking === null || blocking === undefined) && matches.length === 0) s.accuracy = 0;
  else if (blocking !== null && blocking !== undefined) s.accuracy = 0;
  if (hasUnknownFailure(tk)) s.accuracy = 0;
  s.blocking_general += s.blocking_country + s.blocking_global + s.blocking_isp + s.blocking_local;
  if ((tk.accessible === null || tk.accessible === undefined) && matches.length === 0) s.accuracy = 0;
  if (httpResults(tk).some((r) => r.badBase64)) s.accuracy = 0;
}

function telegram(s: Scores, tk: Json): void {
  const tcp = tcpResults(tk);
  const reqs = asArr(tk.requests)
    .map(asObj)
    .filter((r): r is Json => r !== null);
  if (reqs.some((r) => !asStr(asObj(r.request)?.url))) {
    s.accuracy = 0;
    return;
  }
  const dc = reqs.filter((r) => !String(asObj(r.request)?.url).includes('web.telegram.org'));
  let score = tcp.length ? tcp.filter((t) => !t.success).length / tcp.length : 0.5;
  score += dc.length ? dc.filter((r) => r.failure !== null && r.failure !== undefined).length / dc.length : 0.5;
  if (tk.telegram_web_status === 'blocked') score += 1;
  s.blocking_general = score;
}

function signal(s: Scores, x: CompatInput, tk: Json): void {
  const v = x.env.test_version ?? '0';
  const t = x.env.measurement_start_time;
  if (
    v === '0.2.4' ||
    (cmpVersion(v, '0.2.3') <= 0 && t >= '2023-11-07') ||
    (cmpVersion(v, '0.2.2') < 0 && t >= '2022-10-19') ||
    (x.engineVersion && cmpVersion(x.engineVersion, '3.17.2') < 0 && t >= '2023-05-02')
  ) {
    s.accuracy = 0;
    return;
  }
  if (tk.signal_backend_status === 'blocked') s.blocking_general = 1;
  else if (tk.signal_backend_status !== 'ok') s.accuracy = 0;
}

function whatsapp(s: Scores, tk: Json): void {
  const reqs = httpResults(tk);
  const web = reqs.filter((r) => r.url === 'https://web.whatsapp.com/');
  const reg = reqs.filter((r) => r.url === 'https://v.whatsapp.net/v2/register');
  if (!reqs.length || !web.length || !reg.length) {
    s.accuracy = 0;
    return;
  }
  if ([...web, ...reg].some((r) => r.failure)) {
    s.blocking_general = 1;
    return;
  }
  const tcp = tcpResults(tk);
  if (!tcp.length) s.accuracy = 0;
  else if (!tcp.some((t) => t.success)) s.blocking_general = 1;
}

function facebookMessenger(s: Scores, tk: Json): void {
  let score = 0;
  for (const [k0, v] of Object.entries(tk)) {
    const k = k0.replace(/-/g, '_');
    if (/^facebook_.*_(dns_consistent|reachable)$/.test(k) && v === false) score += 0.5;
    if ((k === 'facebook_tcp_blocking' || k === 'facebook_dns_blocking') && v === true) score += 0.5;
  }
  s.blocking_general = score;
}

function tor(s: Scores, tk: Json): void {
  const targets = asObj(tk.targets);
  if (!targets) {
    s.accuracy = 0;
    return;
  }
  let failed = 0;
  let ok = 0;
  for (const t of Object.values(targets)) {
    const f = asObj(t)?.failure;
    if (f === false) continue;
    if (f === null || f === undefined) ok++;
    else failed++;
  }
  if (failed + ok === 0) s.accuracy = 0;
  else s.blocking_general = failed / (failed + ok);
}

function vanillaTor(s: Scores, tk: Json): void {
  const logs =
    asArr(tk.tor_log ?? tk.tor_logs)
      .map(String)
      .join('\n') + (typeof tk.tor_log === 'string' ? tk.tor_log : '');
  if (logs.includes('Bootstrapped 100%')) return;
  const progress = typeof tk.tor_progress === 'number' ? tk.tor_progress : 0;
  s.blocking_general = 1 - 0.004 * progress;
}

function hhfm(s: Scores, tk: Json): void {
  const req = asObj(asArr(tk.requests)[0]);
  const body = asObj(req?.response)?.body;
  let echoed: Json | null;
  try {
    echoed = asObj(asObj(typeof body === 'string' ? JSON.parse(body) : null)?.headers_dict);
  } catch {
    echoed = null;
  }
  if (!echoed) {
    s.blocking_general = 1;
    return;
  }
  const sent = asObj(asObj(req?.request)?.headers) ?? {};
  const same = (a: unknown, b: unknown) => JSON.stringify(Array.isArray(a) ? a : [a]) === JSON.stringify(Array.isArray(b) ? b : [b]);
  const keys = new Set([...Object.keys(sent), ...Object.keys(echoed)]);
  for (const k of keys) if (!same(sent[k], echoed[k])) s.blocking_general = 1.1;
}

function hirl(s: Scores, tk: Json): void {
  const sent = asArr(tk.sent);
  const received = asArr(tk.received);
  if (sent.some((v, i) => v !== received[i])) s.blocking_general = 1;
}

/** Failure/success tests: a non-null `failure` is 1.0. */
function failureBoolean(s: Scores, tk: Json): void {
  if (tk.failure !== null && tk.failure !== undefined) s.blocking_general = 1;
}

export function ooniScores(x: CompatInput): Scores {
  const s = init();
  const tk = x.tk;
  if (!tk) {
    s.accuracy = 0;
    return s;
  }
  switch (x.env.test_name) {
    case 'web_connectivity':
      webConnectivity(s, x, tk);
      break;
    case 'telegram':
      telegram(s, tk);
      break;
    case 'signal':
      signal(s, x, tk);
      break;
    case 'whatsapp':
      whatsapp(s, tk);
      break;
    case 'facebook_messenger':
      facebookMessenger(s, tk);
      break;
    case 'tor':
      tor(s, tk);
      break;
    case 'vanilla_tor':
      vanillaTor(s, tk);
      break;
    case 'http_header_field_manipulation':
      hhfm(s, tk);
      break;
    case 'http_invalid_request_line':
      hirl(s, tk);
      break;
    case 'torsf':
    case 'stunreachability':
    case 'openvpn':
    case 'browser_web':
    case 'psiphon':
      failureBoolean(s, tk);
      break;
    case 'tcp_connect': {
      const f = asStr(asObj(tk.connection)?.failure ?? tk.failure);
      if (f) s.blocking_general = /timeout|refused/.test(f) ? 0.8 : 1;
      break;
    }
    case 'ndt':
      break; // fastpath leaves ndt unscored but not failed (explorer fixture 01201911098a…: scores {})
    case 'dash':
    case 'http_requests':
    case 'meek_fronted_requests_test':
      if (typeof tk.failure === 'string' && tk.failure) s.accuracy = 0;
      break;
    default:
      // dnscheck, urlgetter, riseupvpn (scoring disabled) and anything unknown: not scored.
      s.accuracy = 0;
  }
  return s;
}

/** Fastpath's envelope filter: no report_id, ZZ or AS0 are never scored (we keep them as failure). */
export function ooniFlags(x: CompatInput): OoniFlags {
  const s = ooniScores(x);
  if (!x.env.report_id || x.env.probe_cc === 'ZZ' || x.env.probe_asn === 'AS0') s.accuracy = 0;
  return { ...flagsFromScores(s), blocking_type: s.blocking_type };
}

/** Fastpath's three flags from a scores object (also what OONI's API rows carry). */
export function flagsFromScores(s: { blocking_general?: number; accuracy?: number; confirmed?: boolean }): Omit<OoniFlags, 'blocking_type'> {
  const bg = s.blocking_general ?? 0;
  return { anomaly: bg > 0.5, confirmed: s.confirmed === true, failure: (s.accuracy ?? 1) < 0.5, blocking_general: Math.round(bg * 1e6) / 1e6 };
}

/** OONI MAT's mutually exclusive class of one measurement. */
export function matClass(f: { anomaly: boolean; confirmed: boolean; failure: boolean }): 'failure' | 'confirmed' | 'anomaly' | 'ok' {
  return f.failure ? 'failure' : f.confirmed ? 'confirmed' : f.anomaly ? 'anomaly' : 'ok';
}
