/**
 * Score one parsed measurement: OONI-compatible flags (compat.ts) and our verdict (validity
 * first, then the per-test rules). Pure: same input, same output, no I/O.
 */
import type { FingerprintMatcher } from '../fingerprints/matcher.js';
import type { OoniFlags, Verdict } from '../model.js';
import type { Parsed } from '../reader/parse.js';
import { bootstrapVerdict, signalVerdict, telegramVerdict, torVerdict } from './apps.js';
import { recordProbeAnalysis, weighProbeAnalysis } from './agreement.js';
import { facebookMessengerVerdict } from './facebook-messenger.js';
import { badEnvelopeFields, badFields } from './fields.js';
import { VerdictBuilder } from './builder.js';
import { cmpVersion, ooniFlags } from './compat.js';
import { middleboxVerdict } from './middlebox.js';
import { dnscheckVerdict } from './dnscheck.js';
import { genericVerdict, urlgetterVerdict } from './probes.js';
import {
  browserWebVerdict,
  dnsConsistencyVerdict,
  echcheckVerdict,
  FAILURE_KEY_TESTS,
  meekVerdict,
  riseupvpnVerdict,
  sniBlockingVerdict,
} from './experiments.js';
import { asObj, asStr, httpResults } from './view.js';
import { webConnectivityVerdict } from './web.js';
import { whatsappVerdict } from './whatsapp.js';

export { RULES, RULE_BY_ID, RULES_VERSION, type Rule } from './rules.js';
export { hostOf } from './view.js';

export interface ScoreOptions {
  /** The bucket hour the file was uploaded in (from the bucket path), for the wrong-date check. */
  bucketHour?: string | null;
}

function validity(b: VerdictBuilder, p: Parsed, opts: ScoreOptions): boolean {
  const e = p.envelope;
  const tk = p.testKeys;
  const fire = (rule: string, value?: string) => b.add(null, 'invalid', rule, null, value ? [{ rule: '', layer: 'validity', value }] : []);
  if (!e.report_id) fire('validity.no_report_id');
  const badField = (f: { where: string; expected: string; got: string }) =>
    b.add(null, 'invalid', 'validity.bad_field', null, [{ rule: '', layer: 'validity', where: f.where, value: `expected ${f.expected}, got ${f.got}` }]);
  if (e.probe_cc === 'ZZ' || e.probe_asn === 'AS0') {
    const cc = p.raw.probe_cc;
    // a code that is no assigned ISO 3166-1 code (nor XK) is stored as ZZ: the evidence keeps what the probe wrote
    const taken = typeof cc === 'string' && cc.toUpperCase() !== 'ZZ' ? ` (probe_cc ${JSON.stringify(cc.slice(0, 20))} is no assigned ISO 3166-1 code)` : '';
    fire('validity.unknown_network', `${e.probe_cc} ${e.probe_asn}${taken}`);
  }
  for (const f of badEnvelopeFields(p.raw)) badField(f);
  if (!tk) fire('validity.no_test_keys');
  else {
    const unknown = Object.entries(tk).find(
      ([k, v]) => k.endsWith('failure') && typeof v === 'string' && v.startsWith('unknown_failure') && !v.includes('too many redirects'),
    );
    if (unknown) fire('validity.unknown_failure', `${unknown[0]}: ${String(unknown[1]).slice(0, 80)}`);
    if (httpResults(tk).some((r) => r.badBase64)) fire('validity.bad_body_encoding');
    for (const f of badFields(e.test_name, tk, p.raw.input)) badField(f);
  }
  if (e.test_name === 'signal') {
    const v = e.test_version ?? '0';
    const t = e.measurement_start_time;
    const engine = asStr(asObj(p.raw.annotations)?.engine_version);
    if (
      v === '0.2.4' ||
      (cmpVersion(v, '0.2.3') <= 0 && t >= '2023-11-07') ||
      (cmpVersion(v, '0.2.2') < 0 && t >= '2022-10-19') ||
      (engine && cmpVersion(engine, '3.17.2') < 0 && t >= '2023-05-02')
    )
      fire('validity.known_buggy_version', `signal ${v}`);
  }
  if (opts.bucketHour && isWrongDate(e.measurement_start_time, opts.bucketHour))
    fire('validity.wrong_date', `start ${e.measurement_start_time}, bucket ${opts.bucketHour}`);
  return b.findings.length === 0;
}

export function scoreMeasurement(p: Parsed, matcher: FingerprintMatcher, opts: ScoreOptions = {}): { flags: OoniFlags; verdict: Verdict } {
  const engineVersion = asStr(asObj(p.raw.annotations)?.engine_version);
  const flags = ooniFlags({ env: p.envelope, tk: p.testKeys, raw: p.raw, matcher, engineVersion });
  if (opts.bucketHour && isWrongDate(p.envelope.measurement_start_time, opts.bucketHour)) flags.failure = true;
  const b = new VerdictBuilder();
  if (validity(b, p, opts) && p.testKeys) {
    const tk = p.testKeys;
    switch (p.envelope.test_name) {
      case 'web_connectivity':
        webConnectivityVerdict(b, p.envelope, tk, matcher);
        break;
      case 'telegram':
        telegramVerdict(b, tk);
        break;
      case 'signal':
        signalVerdict(b, tk);
        break;
      case 'whatsapp':
        whatsappVerdict(b, tk);
        break;
      case 'facebook_messenger':
        facebookMessengerVerdict(b, tk);
        break;
      case 'tor':
        torVerdict(b, tk);
        break;
      case 'vanilla_tor':
      case 'torsf':
      case 'psiphon':
        bootstrapVerdict(b, tk, p.envelope.test_name);
        break;
      case 'dnscheck':
        dnscheckVerdict(b, p.envelope, tk, matcher);
        break;
      case 'urlgetter':
        urlgetterVerdict(b, tk);
        break;
      case 'http_header_field_manipulation':
      case 'http_invalid_request_line':
        middleboxVerdict(b, p.envelope, tk);
        break;
      case 'browser_web':
        browserWebVerdict(b, tk);
        break;
      case 'riseupvpn':
        riseupvpnVerdict(b, tk);
        break;
      case 'sni_blocking':
        sniBlockingVerdict(b, tk);
        break;
      case 'echcheck':
        echcheckVerdict(b, tk);
        break;
      case 'dns_consistency':
        dnsConsistencyVerdict(b, tk);
        break;
      case 'meek_fronted_requests_test':
        if (!meekVerdict(b, tk)) genericVerdict(b, tk);
        break;
      default:
        if (FAILURE_KEY_TESTS.has(p.envelope.test_name)) genericVerdict(b, tk);
        else b.add(null, 'insufficient', 'generic.no_rule', null, [{ rule: '', where: 'test_name', value: p.envelope.test_name }]);
    }
  }
  if (p.testKeys && !b.has('validity.no_test_keys')) {
    recordProbeAnalysis(b, p.envelope, p.testKeys);
    if (b.status() !== 'invalid') weighProbeAnalysis(b, p.envelope, p.testKeys, flags);
  }
  return { flags, verdict: b.finish() };
}

/** Fastpath's date sanity: over 1 h after the upload hour ends (we allow 2 h from its start), or over a year before. */
export function isWrongDate(start: string, bucketHour: string): boolean {
  const bucket = Date.parse(`${bucketHour.replace(' ', 'T')}Z`);
  const t = Date.parse(`${start.replace(' ', 'T')}Z`);
  return t > bucket + 2 * 3600_000 || t < bucket - 366 * 86400_000;
}
