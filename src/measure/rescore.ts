/**
 * `measurements rescore`: re-judge stored measurements with the current rules and fingerprints
 * from their stored rule inputs (verdict/rule-inputs.ts), without their source files, so a rule
 * or fingerprint change reaches the existing store.
 *
 * Guarantees:
 * - every matching measurement is accounted for: measurements = rescored + needs_reingest +
 *   needs_source + unreadable (ingested before rule inputs were kept; rules that now ask a
 *   large body something its kept facts do not hold; inputs in a format this version does not
 *   read); none is skipped silently, and those keep their verdict;
 * - each page's new verdicts, its rule-set versions and the aggregation cells they touch are
 *   written in one transaction, so cells always agree with rows, and a run killed midway
 *   leaves a consistent store that a rerun completes;
 * - idempotent: a second run with the same rules and fingerprints changes nothing.
 */
import { AppError, type Clock, type ProgressReporter } from '../shared/index.js';
import type { MeasurementFilter, Store, VerdictColumns } from '../store/index.js';
import { currentFingerprints, FingerprintMatcher } from './fingerprints/index.js';
import { NotInFacts } from './fingerprints/matcher.js';
import { toFilter, type QueryInput } from './query.js';
import { RULES_VERSION, scoreMeasurement } from './verdict/index.js';
import { readRuleInputs } from './verdict/rule-inputs.js';

export type RescoreInput = Omit<QueryInput, 'status'> & { batch_size?: number };

export interface RescoreReport {
  rules_version: string;
  fingerprints_version: string;
  /** Stored measurements matching the filters. */
  measurements: number;
  rescored: number;
  changed: number;
  unchanged: number;
  /** Stored before rule inputs were kept: re-ingest their files (`ingest --force`) to include them. */
  needs_reingest: number;
  /** The current rules ask a large body something its kept facts do not hold: re-ingest the files to re-judge them. */
  needs_source: number;
  /** Rule inputs that could not be read. */
  unreadable: number;
  /** The first measurements left as they were (needs_source, unreadable), with the reason. */
  left_examples: { id: string; reason: string }[];
  /** Status changes, most frequent first. */
  transitions: { from: string; to: string; n: number }[];
  /** How many measurements changed in each part of the verdict (one measurement may count in several). */
  changed_fields: Record<'status' | 'layers' | 'mechanism' | 'rules' | 'evidence' | 'flags', number>;
  /** The rule-set versions the rescored verdicts had before. */
  previous_rules_versions: Record<string, number>;
  cells: { keys: number; cells: number };
  reconciled: boolean;
  reconciliation: string;
  elapsed_s: number;
}

type Deps = { store: Store; clock: Clock; progress: ProgressReporter };

/** The manifest rows read to count the files judged with other rules (the newest first). */
const MANIFEST_READ = 10_000;

/**
 * The error for a store that cannot rescore (the ClickHouse store, docs/design/005): it says why,
 * that nothing changed, what the filters match, how many ingested files were judged with other
 * rules, and the commands that judge them with the current rules (a fresh database, the files
 * ingested again). Exit 2 (USAGE).
 */
async function notOnThisStore(store: Store, filter: MeasurementFilter): Promise<AppError> {
  const info = await store.info();
  const matching = (await store.measure.cells({ ...filter, grain: 'day' })).reduce((n, c) => n + c.n, 0);
  const files = (await store.measure.counts()).files;
  const read = await store.measure.listFiles(MANIFEST_READ);
  const other = read.filter((f) => f.rules_version !== RULES_VERSION).length;
  const of = files > read.length ? ` (of the ${read.length} newest)` : '';
  const fresh = info.path.replace(/^(clickhouse:\/\/[^/]+\/)([A-Za-z0-9_]+)/, `$1$2_r${RULES_VERSION.slice(0, 8)}`);
  // every file was read and none was judged with other rules: ingesting them again changes no verdict
  const current = other === 0 && files <= read.length;
  // the listing of every ingested file (the newest MANIFEST_READ at most), full paths one a line
  const listed = Math.min(Math.max(files, 1), MANIFEST_READ);
  const listing =
    `splinternet measurements files --paths --limit ${listed} --store '${info.path}'` +
    (files > MANIFEST_READ ? `, the newest ${MANIFEST_READ} of ${files}` : '');
  const steps = current
    ? []
    : [
        `splinternet db migrate --store '${fresh}'`,
        `splinternet ingest PATHS... --store '${fresh}'   (the paths: ${listing})`,
        `then use --store '${fresh}' (or SPLINTERNET_STORE)`,
      ];
  const todo = current
    ? `Every ingested file was judged with the current rules: ingesting them again changes no verdict.`
    : `To judge them with the current rules, ingest the files again into a fresh database: ${steps.join('; ')}. Or rescore an embedded store (--db without --store).`;
  return new AppError(
    'USAGE',
    `measurements rescore is not supported on the ${info.kind} store ${info.path}: it keeps no rule inputs, and its day cells count each measurement under the verdict it was stored with, which ClickHouse cannot move to a new verdict without a moment where summaries miss it (docs/design/005-clickhouse-store.md); nothing was changed. ` +
      `${matching} stored measurement(s) match the filters; ${files} file(s) ingested, ${other}${of} judged with rules other than the current ${RULES_VERSION}. ` +
      todo,
    { details: { store: info.kind, url: info.path, measurements: matching, files, files_other_rules: other, rules_version: RULES_VERSION, steps } },
  );
}
type Scorer = typeof scoreMeasurement;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function rescoreMeasurements(deps: Deps, input: RescoreInput, score: Scorer = scoreMeasurement): Promise<RescoreReport> {
  const t0 = performance.now();
  const filter = toFilter(input);
  const repo = deps.store.measure.rescore;
  if (!repo) throw await notOnThisStore(deps.store, filter);
  const matcher = new FingerprintMatcher(await currentFingerprints(deps));
  const counts = await repo.counts(filter);
  const report: RescoreReport = {
    rules_version: RULES_VERSION,
    fingerprints_version: matcher.version,
    measurements: counts.measurements,
    rescored: 0,
    changed: 0,
    unchanged: 0,
    needs_reingest: counts.measurements - counts.with_inputs,
    needs_source: 0,
    unreadable: 0,
    left_examples: [],
    transitions: [],
    changed_fields: { status: 0, layers: 0, mechanism: 0, rules: 0, evidence: 0, flags: 0 },
    previous_rules_versions: {},
    cells: { keys: 0, cells: 0 },
    reconciled: true,
    reconciliation: '',
    elapsed_s: 0,
  };
  const transitions = new Map<string, number>();
  const limit = input.batch_size ?? 2000;
  deps.progress.start('rescore', counts.with_inputs, 'measurements');
  let done = 0;
  for (let after: string | null = null; ;) {
    const page = await repo.page({ ...filter, after, limit });
    if (!page.length) break;
    after = page.at(-1)!.id;
    const changed: (VerdictColumns & { id: string })[] = [];
    const read: string[] = [];
    for (const row of page) {
      done++;
      const leave = (key: 'unreadable' | 'needs_source', reason: string) => {
        report[key]++;
        if (report.left_examples.length < 10) report.left_examples.push({ id: row.id, reason });
      };
      const back = readRuleInputs(row.inputs);
      if (!back.ok) {
        leave('unreadable', back.reason);
        continue;
      }
      let scored: ReturnType<Scorer>;
      try {
        scored = score(back.parsed, matcher, { bucketHour: back.bucketHour });
      } catch (e) {
        if (!(e instanceof NotInFacts)) throw e;
        leave('needs_source', `the rules need ${e.message}: re-ingest its file`);
        continue;
      }
      const { flags, verdict } = scored;
      read.push(row.id);
      report.rescored++;
      report.previous_rules_versions[row.rules_version] = (report.previous_rules_versions[row.rules_version] ?? 0) + 1;
      const next: VerdictColumns & { id: string } = { id: row.id, ...verdict, ...flags };
      const diff = {
        status: next.status !== row.status,
        layers: !same(next.layers, row.layers),
        mechanism: next.mechanism !== row.mechanism,
        rules: !same(next.rules, row.rules),
        evidence: JSON.stringify(next.evidence) !== JSON.stringify(row.evidence),
        flags:
          next.anomaly !== row.anomaly ||
          next.confirmed !== row.confirmed ||
          next.failure !== row.failure ||
          next.blocking_general !== row.blocking_general ||
          next.blocking_type !== row.blocking_type,
      };
      if (!Object.values(diff).some(Boolean)) {
        report.unchanged++;
        continue;
      }
      report.changed++;
      for (const k of Object.keys(diff) as (keyof typeof diff)[]) if (diff[k]) report.changed_fields[k]++;
      if (diff.status) transitions.set(`${row.status}\0${next.status}`, (transitions.get(`${row.status}\0${next.status}`) ?? 0) + 1);
      changed.push(next);
    }
    const cells = await repo.apply(changed, read, { rules: RULES_VERSION, fingerprints: matcher.version }, deps.clock.now().toISOString());
    report.cells.keys += cells.keys;
    report.cells.cells += cells.cells;
    deps.progress.update(done, { changed: report.changed, left: report.needs_source + report.unreadable });
  }
  deps.progress.stop();
  report.transitions = [...transitions]
    .map(([k, n]) => ({ from: k.split('\0')[0]!, to: k.split('\0')[1]!, n }))
    .sort((a, b) => b.n - a.n || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const sum = report.rescored + report.needs_reingest + report.needs_source + report.unreadable;
  report.reconciled = sum === report.measurements;
  report.reconciliation = `measurements ${report.measurements} ${report.reconciled ? '=' : '!='} rescored ${report.rescored} + needs_reingest ${report.needs_reingest} + needs_source ${report.needs_source} + unreadable ${report.unreadable}`;
  report.elapsed_s = Math.round(performance.now() - t0) / 1000;
  return report;
}
