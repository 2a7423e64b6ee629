/**
 * How often our verdict agrees with the probe's own analysis (`blocking`/`accessible`) and with
 * OONI's `anomaly` flag, and, for every disagreement, the rules that decided our status and the
 * rules that say why they depart (Rule.overrides). Reads stored measurements (the probe's
 * analysis travels in the verdict's evidence, rule probe.analysis) or scores files in memory
 * without storing them.
 */
import type { Store } from '../store/index.js';
import type { Evidence, ProbeAnalysis } from './model.js';
import { currentFingerprints, FingerprintMatcher } from './fingerprints/index.js';
import { toFilter, SOURCE, type QueryInput } from './query.js';
import { RecordSource } from './reader/records.js';
import { expandPaths } from './reader/sources.js';
import { decodeLine, isTooDeep, parseMeasurement, tooDeepDetail } from './reader/parse.js';
import { contradictsAnomaly, ourClass, overridingRules, probeAnalysisOf, probeClass, type AgreementClass } from './verdict/agreement.js';
import { scoreMeasurement, RULE_BY_ID, RULES_VERSION } from './verdict/index.js';
import type { Clock } from '../shared/index.js';

/** Longest line scored; a longer one is a reject (oversize_line). */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** A line of an input file that could not be scored: where, and why. */
export interface AgreementReject {
  path: string;
  line: number;
  byte_offset: number;
  reason: string;
  detail?: string;
}

export interface AgreementRow {
  id: string;
  input: string | null;
  test_name: string;
  test_version: string | null;
  status: string;
  rules: string[];
  anomaly: boolean;
  failure: boolean;
  probe: ProbeAnalysis | null;
}

export interface Disagreement {
  id: string;
  input: string | null;
  test_name: string;
  test_version: string | null;
  with: 'probe' | 'anomaly';
  ours: string;
  theirs: string;
  /** Fired rules whose status is our status: what decided it. */
  deciding_rules: string[];
  /** Fired rules that declare why they depart from the flag, with their reason. */
  overriding_rules: { id: string; why: string }[];
  unexplained: boolean;
}

type Matrix = Record<string, Record<string, number>>;
const bump = (m: Matrix, a: string, b: string) => ((m[a] ??= {})[b] = (m[a][b] ?? 0) + 1);

export const AGREEMENT_METHOD =
  "Our class: ok = accessible, blocked|likely_blocked = blocked, down = down, invalid|insufficient = unknown. The probe's class: blocking named = blocked; blocking false with accessible true = accessible, with accessible false = down; otherwise unknown. OONI's anomaly flag (fastpath-compatible, anomaly = blocking_general > 0.5) is compared where fastpath would not mark the measurement failed: anomaly agrees with blocked, no anomaly with accessible or down. Unknown on either side is not compared.";

export function agreementReport(rows: Iterable<AgreementRow>) {
  let n = 0;
  let withProbe = 0;
  const probe = { compared: 0, agree: 0, matrix: {} as Matrix };
  const anomaly = { compared: 0, agree: 0, matrix: {} as Matrix };
  const disagreements: Disagreement[] = [];
  for (const r of rows) {
    n++;
    if (r.probe) withProbe++;
    const ours = ourClass(r.status);
    const theirs = probeClass(r.probe);
    const explain = (w: 'probe' | 'anomaly', t: string, dir: 'clears' | 'raises' | null): Disagreement => {
      const overriding = dir ? overridingRules(r.rules, dir) : r.rules.filter((id) => RULE_BY_ID.get(id)?.overrides);
      return {
        id: r.id,
        input: r.input,
        test_name: r.test_name,
        test_version: r.test_version,
        with: w,
        ours: r.status,
        theirs: t,
        deciding_rules: r.rules.filter((id) => RULE_BY_ID.get(id)?.status === r.status),
        overriding_rules: overriding.map((id) => ({ id, why: RULE_BY_ID.get(id)!.overrides! })),
        unexplained: r.rules.includes('agreement.unexplained') || overriding.length === 0,
      };
    };
    if (r.probe) bump(probe.matrix, ours, theirs);
    if (ours !== 'unknown' && theirs !== 'unknown') {
      probe.compared++;
      if (ours === theirs) probe.agree++;
      else
        disagreements.push(
          explain('probe', `${theirs} (blocking=${String(r.probe?.blocking)}, accessible=${String(r.probe?.accessible)})`, dirOf(ours, theirs)),
        );
    }
    if (!r.failure) bump(anomaly.matrix, ours, r.anomaly ? 'anomaly' : 'no_anomaly');
    if (!r.failure && ours !== 'unknown') {
      anomaly.compared++;
      const dir = contradictsAnomaly(r.status, r);
      if (!dir) anomaly.agree++;
      else disagreements.push(explain('anomaly', r.anomaly ? 'anomaly' : 'no anomaly', dir));
    }
  }
  const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : null);
  return {
    rules_version: RULES_VERSION,
    method: AGREEMENT_METHOD,
    measurements: n,
    with_probe_analysis: withProbe,
    vs_probe: {
      compared: probe.compared,
      agree: probe.agree,
      disagree: probe.compared - probe.agree,
      agree_pct: pct(probe.agree, probe.compared),
      matrix: probe.matrix,
    },
    vs_anomaly: {
      compared: anomaly.compared,
      agree: anomaly.agree,
      disagree: anomaly.compared - anomaly.agree,
      agree_pct: pct(anomaly.agree, anomaly.compared),
      matrix: anomaly.matrix,
    },
    unexplained: disagreements.filter((d) => d.unexplained).length,
    disagreements,
    source: SOURCE,
  };
}

/** Direction of a probe disagreement, for the overriding rules: we clear the probe's block, or raise one it missed. */
function dirOf(ours: AgreementClass, theirs: AgreementClass): 'clears' | 'raises' | null {
  if (theirs === 'blocked') return 'clears';
  if (ours === 'blocked') return 'raises';
  return null;
}

const probeOf = (evidence: unknown[]): ProbeAnalysis | null => (evidence as Evidence[]).find((e) => e.rule === 'probe.analysis')?.probe ?? null;

/** Agreement over stored measurements (filters as `measurements list`). */
export async function agreementFromStore(deps: { store: Store }, q: QueryInput) {
  const rows: AgreementRow[] = [];
  let after: { start: string; id: string } | undefined;
  for (;;) {
    const page = await deps.store.measure.list({ ...toFilter(q), limit: 10_000, after });
    for (const m of page)
      rows.push({
        id: m.id,
        input: m.input,
        test_name: m.test_name,
        test_version: m.test_version,
        status: m.status,
        rules: m.rules,
        anomaly: m.anomaly,
        failure: m.failure,
        probe: probeOf(m.evidence),
      });
    if (page.length < 10_000) break;
    const last = page.at(-1)!;
    after = { start: last.measurement_start_time, id: last.id };
  }
  return { from: 'store', ...agreementReport(rows) };
}

/** Agreement over measurement files (JSONL, or JSON documents and arrays: reader/records.ts), scored in memory with the stored fingerprints; nothing is stored. */
export async function agreementFromFiles(deps: { store: Store; clock: Clock }, paths: string[]) {
  const matcher = new FingerprintMatcher(await currentFingerprints(deps));
  const rows: AgreementRow[] = [];
  const rejects: AgreementReject[] = [];
  // Paths as ingest takes them (a missing one is an error naming it; folders are walked for
  // .jsonl/.jsonl.gz), read as ingest reads them: a truncated or corrupt gzip keeps the lines
  // before the cut and counts the cut as one reject.
  const { files } = await expandPaths(paths, {});
  for (const file of files) {
    const path = file.path;
    const source = new RecordSource({ path, gz: file.gz, max_line_bytes: MAX_LINE_BYTES });
    let last = 0;
    for (let l = await source.next(); l; l = await source.next()) {
      last = l.lineNo;
      if (l.unsupported !== undefined) rejects.push({ path, line: l.lineNo, byte_offset: l.offset, reason: 'unsupported_format', detail: l.unsupported });
      else if (l.bytes) score({ bytes: l.bytes, no: l.lineNo, offset: l.offset }, path);
      else rejects.push({ path, line: l.lineNo, byte_offset: l.offset, reason: 'oversize_line' });
    }
    const cut = source.failure();
    if (cut) rejects.push({ path, line: cut.lineNo >= 0 ? cut.lineNo : last + 1, byte_offset: cut.offset, reason: cut.reason, detail: cut.detail });
  }
  function score(l: { bytes: Buffer; no: number; offset: number }, path: string) {
    const text = decodeLine(l.bytes).trim();
    if (!text) return;
    const p = parseMeasurement(text);
    if (!p.ok) return void rejects.push({ path, line: l.no, byte_offset: l.offset, reason: p.reason, detail: p.detail });
    let scored: ReturnType<typeof scoreMeasurement>;
    try {
      scored = scoreMeasurement(p.value, matcher);
    } catch (e) {
      if (!isTooDeep(e)) throw e;
      return void rejects.push({ path, line: l.no, byte_offset: l.offset, reason: 'too_deep', detail: tooDeepDetail(p.value.raw) });
    }
    const { flags, verdict } = scored;
    const e = p.value.envelope;
    rows.push({
      id: e.measurement_uid ?? e.report_id ?? `${path}:${l.no}`,
      input: e.input,
      test_name: e.test_name,
      test_version: e.test_version,
      status: verdict.status,
      rules: verdict.rules,
      anomaly: flags.anomaly,
      failure: flags.failure,
      probe: probeAnalysisOf(p.value.testKeys),
    });
  }
  return { from: 'files', files: files.length, rejects, ...agreementReport(rows) };
}
