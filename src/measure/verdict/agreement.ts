/**
 * The probe's own analysis as evidence, and no silent contradiction with OONI's `anomaly` flag.
 * web_connectivity >= 0.5 writes `blocking`, `accessible` and the `x_*_flags` bit sets; older
 * versions `blocking`/`accessible` only. They are recorded on every verdict (note
 * `probe.analysis`, with the values as evidence). Where our status contradicts `anomaly`
 * (anomaly and ok/down, or no anomaly and blocked/likely_blocked) one of the fired rules must
 * say why it departs (`Rule.overrides`); otherwise the verdict carries `agreement.unexplained`,
 * which the tests refuse on every shipped and fixture measurement. And where a >= 0.5 probe says
 * `blocking` while our rules found nothing to explain it away, the probe's analysis counts:
 * `probe.blocking_unexplained` (likely_blocked at the layer the probe names).
 */
import type { Envelope, Layer, OoniFlags, ProbeAnalysis, Status } from '../model.js';
import type { Json } from '../reader/parse.js';
import type { VerdictBuilder } from './builder.js';
import { cmpVersion } from './compat.js';
import { RULE_BY_ID } from './rules.js';

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The probe's analysis keys, or null when the measurement carries none of them (null reads as absent, as in the fast path's projection). */
export function probeAnalysisOf(tk: Json | null): ProbeAnalysis | null {
  if (!tk || !['blocking', 'accessible', 'x_blocking_flags', 'x_dns_flags', 'x_null_null_flags'].some((k) => tk[k] !== null && tk[k] !== undefined))
    return null;
  const b = tk.blocking;
  return {
    blocking: typeof b === 'string' ? b : b === false ? false : null,
    accessible: typeof tk.accessible === 'boolean' ? tk.accessible : null,
    x_blocking_flags: int(tk.x_blocking_flags),
    x_dns_flags: int(tk.x_dns_flags),
    x_null_null_flags: int(tk.x_null_null_flags),
  };
}

/** The blocking classes of the web_connectivity spec, and the layer each names. */
const PROBE_LAYER: Record<string, Layer> = { dns: 'dns', tcp_ip: 'tcp', 'http-failure': 'http', 'http-diff': 'http' };

export type AgreementClass = 'blocked' | 'accessible' | 'down' | 'unknown';

/**
 * The probe's own class: a blocking class of the spec (dns, tcp_ip, http-failure, http-diff) =
 * blocked; no blocking and accessible = accessible; no blocking and not accessible = down. Any
 * other blocking value is no class (unknown, like null), as fastpath scores it a failure.
 */
export function probeClass(p: ProbeAnalysis | null): AgreementClass {
  if (!p) return 'unknown';
  if (typeof p.blocking === 'string') return Object.hasOwn(PROBE_LAYER, p.blocking) ? 'blocked' : 'unknown';
  if (p.blocking === false) return p.accessible === true ? 'accessible' : p.accessible === false ? 'down' : 'unknown';
  return 'unknown';
}

/** Our status on the same scale. */
export function ourClass(status: string): AgreementClass {
  return status === 'blocked' || status === 'likely_blocked' ? 'blocked' : status === 'ok' ? 'accessible' : status === 'down' ? 'down' : 'unknown';
}

const CLEARS: ReadonlySet<Status> = new Set(['ok', 'down']);
const RAISES: ReadonlySet<Status> = new Set(['blocked', 'likely_blocked']);

/** Does our status contradict OONI's anomaly flag? (A fastpath `failure` makes the flag meaningless.) */
export function contradictsAnomaly(status: string, flags: Pick<OoniFlags, 'anomaly' | 'failure'>): 'clears' | 'raises' | null {
  if (flags.failure) return null;
  if (flags.anomaly && CLEARS.has(status as Status)) return 'clears';
  if (!flags.anomaly && RAISES.has(status as Status)) return 'raises';
  return null;
}

/** Fired rules that declare why they may depart from the anomaly flag in this direction. */
export function overridingRules(rules: readonly string[], direction: 'clears' | 'raises'): string[] {
  return rules.filter((id) => {
    const r = RULE_BY_ID.get(id);
    return !!r?.overrides && r.status !== 'note' && (direction === 'clears' ? CLEARS : RAISES).has(r.status);
  });
}

/**
 * Record the probe's analysis (note `probe.analysis`) on any verdict, invalid ones included:
 * with its values when the measurement carries them (the same object `probeAnalysisOf` reads
 * from the file, so counts from the store and from the file agree); for web_connectivity also
 * when it carries none (blocking and accessible null), so every such verdict lists it.
 */
export function recordProbeAnalysis(b: VerdictBuilder, env: Envelope, tk: Json): void {
  const p = probeAnalysisOf(tk);
  if (p)
    b.add(null, 'note', 'probe.analysis', null, [
      { rule: '', where: 'test_keys.blocking', value: `blocking=${String(p.blocking)} accessible=${String(p.accessible)}`, probe: p },
    ]);
  else if (env.test_name === 'web_connectivity')
    b.add(null, 'note', 'probe.analysis', null, [{ rule: '', where: 'test_keys.blocking', value: 'blocking=null accessible=null' }]);
}

/** Run after the per-test rules and recordProbeAnalysis, before finish(), on a verdict that is not invalid. */
export function weighProbeAnalysis(b: VerdictBuilder, env: Envelope, tk: Json, flags: OoniFlags): void {
  const p = probeAnalysisOf(tk);
  const fired = () => b.findings.map((f) => f.rule);
  if (
    env.test_name === 'web_connectivity' &&
    p &&
    typeof p.blocking === 'string' &&
    Object.hasOwn(PROBE_LAYER, p.blocking) &&
    cmpVersion(env.test_version ?? '0', '0.5.0') >= 0 &&
    CLEARS.has(b.status()) &&
    overridingRules(fired(), 'clears').length === 0
  ) {
    b.add(PROBE_LAYER[p.blocking]!, 'likely_blocked', 'probe.blocking_unexplained', null, [
      {
        rule: '',
        where: 'test_keys.x_blocking_flags',
        value: `blocking=${p.blocking} x_blocking_flags=${String(p.x_blocking_flags)} x_dns_flags=${String(p.x_dns_flags)}`,
      },
    ]);
  }
  const dir = contradictsAnomaly(b.status(), flags);
  if (dir && overridingRules(fired(), dir).length === 0)
    b.add(null, 'note', 'agreement.unexplained', null, [
      { rule: '', where: 'anomaly', value: `OONI anomaly=${String(flags.anomaly)} (blocking_type ${flags.blocking_type ?? 'none'}) vs our ${b.status()}` },
    ]);
}
