/**
 * Collects rule findings per layer and folds them into one Verdict: the most severe status wins
 * (blocked > likely_blocked > down > ok > insufficient); its layers are every layer that reached
 * that status; the mechanism is the one of the lowest such layer (dns < tcp < tls < http < app),
 * because interference at a lower layer explains failures above it.
 */
import type { Evidence, Layer, Status, Verdict } from '../model.js';
import { RULE_IDS } from './rules.js';

export interface Finding {
  layer: Layer | null;
  status: Status | 'note';
  rule: string;
  mechanism: string | null;
  evidence: Evidence[];
}

const SEVERITY: Record<Status, number> = { blocked: 5, likely_blocked: 4, down: 3, ok: 2, insufficient: 1, invalid: 6 };

/**
 * An `insufficient` finding that carries a mechanism is an unexplained failure (e.g. an HTTP
 * reset with no control to compare): it outranks `ok` from the layers below it, because "TCP
 * worked" does not mean "the site worked". Without a mechanism it is only a caveat.
 */
const rank = (f: { status: Status; mechanism: string | null }) => (f.status === 'insufficient' && f.mechanism ? 2.5 : SEVERITY[f.status]);
const LAYER_ORDER: Record<string, number> = { dns: 0, tcp: 1, tls: 2, http: 3 };

export class VerdictBuilder {
  readonly findings: Finding[] = [];

  add(layer: Layer | null, status: Status | 'note', rule: string, mechanism: string | null = null, evidence: Evidence[] = []): void {
    if (!RULE_IDS.has(rule)) throw new Error(`unknown rule id ${rule}`);
    this.findings.push({ layer, status, rule, mechanism, evidence: evidence.map((e) => ({ ...e, rule })) });
  }

  /** The status of one layer so far (most severe finding), or null. */
  layerStatus(layer: Layer): Status | null {
    let best: Status | null = null;
    for (const f of this.findings) if (f.layer === layer && f.status !== 'note' && (!best || SEVERITY[f.status] > SEVERITY[best])) best = f.status;
    return best;
  }

  has(rule: string): boolean {
    return this.findings.some((f) => f.rule === rule);
  }

  /** The status finish() would give now (insufficient when nothing scored yet). */
  status(): Status {
    const all = this.findings.filter((f): f is Finding & { status: Status } => f.status !== 'note');
    return all.length ? all.reduce((a, b) => (rank(b) > rank(a) ? b : a)).status : 'insufficient';
  }

  finish(): Verdict {
    const scored = this.findings.filter((f): f is Finding & { status: Status } => f.status !== 'note');
    if (scored.length === 0) this.add(null, 'insufficient', 'insufficient.no_data');
    const all = this.findings.filter((f): f is Finding & { status: Status } => f.status !== 'note');
    const top = all.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    const winners = all.filter((f) => rank(f) === rank(top)).sort((a, b) => (LAYER_ORDER[a.layer ?? ''] ?? 9) - (LAYER_ORDER[b.layer ?? ''] ?? 9));
    const layers = top.status === 'ok' || top.status === 'insufficient' ? [] : [...new Set(winners.map((f) => f.layer).filter((l): l is Layer => l !== null))];
    const mechanism = top.status === 'ok' ? null : (winners.find((f) => f.mechanism)?.mechanism ?? null);
    return {
      status: top.status,
      layers,
      mechanism,
      rules: [...new Set(this.findings.map((f) => f.rule))],
      evidence: capEvidence(this.findings),
    };
  }
}

/** At most 20 evidence items, the probe's own analysis always kept (last). */
function capEvidence(findings: Finding[]): Evidence[] {
  const probe = findings.filter((f) => f.rule === 'probe.analysis').flatMap((f) => f.evidence);
  const rest = findings.filter((f) => f.rule !== 'probe.analysis').flatMap((f) => f.evidence);
  return [...rest.slice(0, 20 - probe.length), ...probe];
}
