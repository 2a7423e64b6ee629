/**
 * Load economic-data files into the store: parse each with the parser for its kind, record
 * every value with source, unit and vintage, keep rejects (line + reason) and report what was
 * skipped on purpose. Importing a file replaces values key by key (indicator, region, year; a
 * rate by currency and period), the file's own earlier values included: what its earlier import
 * stored and this one does not give is removed, and the report counts it (`removed`).
 * A file is `unchanged` (not parsed again, nothing written: the seed stays fast on re-runs) only
 * when its bytes were loaded as the same indicator and year AND it still holds every value and
 * rate it held after that import; when another import replaced or removed some, the rerun stores
 * the file again, which makes all its values current. Within one call, once a file is written
 * every later file is written too, so a key given by several files keeps the last one's value.
 * All files of one call are written in one transaction.
 */
import { createHash } from 'node:crypto';
import { basename, relative, resolve } from 'node:path';
import { AppError, packageRoot, readCapped, type Clock, type ProgressReporter } from '../../shared/index.js';
import type { EconImportRecord, EconValueRecord, FxRateRecord, Store } from '../../store/index.js';
import { invalidateEconData } from './econ-data.js';
import { DEFAULT_SOURCES, SHIPPED, type ImportKind } from './manifest.js';
import type { ParseOptions, ParseReject, Parsed } from './parse-common.js';
import { parseCbrDaily, parseNbsGrp, parseRosstat } from './parse-regional.js';
import { parseWorldBank } from './parse-worldbank.js';

export interface ImportRequest {
  kind: ImportKind;
  file: string;
  year?: number;
  indicator?: string;
  source?: string;
  vintage?: string;
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  unchanged: boolean;
  values: number;
  rates: number;
  skipped: Record<string, number>;
  checks: Record<string, unknown>;
  source: string;
  vintage: string;
  rejects: (ParseReject & { file: string })[];
  /** What the file's earlier import stored that this one no longer gives, now deleted (0 when unchanged). */
  removed: { values: number; rates: number; indicators: string[] };
}

const NOTHING_REMOVED = { values: 0, rates: 0, indicators: [] as string[] };

/** The parser of each import kind: the one table the importer and the tests' shipped-data loader read. */
export const PARSERS: Record<ImportKind, (text: string, o: ParseOptions) => Parsed> = {
  worldbank: parseWorldBank,
  owid: parseWorldBank,
  'rosstat-grp': (t, o) => parseRosstat(t, o, ['GRP']),
  'rosstat-regional': (t, o) => parseRosstat(t, o),
  'nbs-grp': parseNbsGrp,
  'cbr-usd-rub': parseCbrDaily,
};

/** How the file is named in the store: relative to the package when shipped, else absolute. */
function storedName(path: string): string {
  const abs = resolve(path);
  const rel = relative(packageRoot(), abs);
  return rel.startsWith('..') ? abs : rel;
}

interface Prepared {
  report: ImportReport;
  write?: { record: EconImportRecord; values: EconValueRecord[]; rates: FxRateRecord[] };
  hadRejects: boolean;
}

/** Whether the file still holds every value and rate it held after the import `prior` recorded. */
async function stillHeld(store: Store, prior: EconImportRecord): Promise<boolean> {
  const now = await store.cost.heldCounts(prior.file);
  return now.values === (prior.valuesHeld ?? prior.valuesStored) && now.rates === (prior.ratesHeld ?? prior.ratesStored);
}

/** What the file holds now and `parsed` does not give again: deleted when the import is written. */
async function removedBy(store: Store, file: string, parsed: Parsed): Promise<ImportReport['removed']> {
  const held = await store.cost.holdings(file);
  if (held.values.length === 0 && held.rates.length === 0) return NOTHING_REMOVED;
  const values = new Set(parsed.values.map((v) => `${v.indicator}|${v.geo}|${v.year}`));
  const rates = new Set(parsed.rates.map((r) => `${r.country}|${r.kind}|${r.period}`));
  const goneValues = held.values.filter((v) => !values.has(`${v.indicator}|${v.geo}|${v.year}`));
  const goneRates = held.rates.filter((r) => !rates.has(`${r.country}|${r.kind}|${r.period}`));
  const indicators = [...new Set([...goneValues.map((v) => v.indicator), ...(goneRates.length > 0 ? ['PA.NUS.FCRF'] : [])])].sort();
  return { values: goneValues.length, rates: goneRates.length, indicators };
}

async function prepare(deps: { store: Store; clock: Clock }, req: ImportRequest, mustWrite: boolean): Promise<Prepared> {
  const bytes = await readCapped(req.file).catch((e: Error) => {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', `file: cannot read ${req.file}: ${e.message}`, { issues: [{ path: ['file'], message: e.message }] });
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = storedName(req.file);
  const fromName = /(?:^|[^\d])((?:19|20)\d\d)(?:[^\d]|$)/.exec(basename(req.file))?.[1];
  const year = req.year ?? (req.kind.startsWith('rosstat') && fromName ? Number(fromName) : undefined);
  const source = req.source ?? DEFAULT_SOURCES[req.kind];
  const prior = await deps.store.cost.findImport(req.kind, file);
  // The same bytes asked to be stored as another indicator or year are a new import.
  const options = JSON.stringify({ indicator: req.indicator ?? null, year: year ?? null });
  if (!mustWrite && prior && prior.sha256 === sha256 && (prior.options === options || !prior.options) && (await stillHeld(deps.store, prior))) {
    // the rejects the import that recorded these bytes kept: a rerun names them again, as every importer's does
    const kept = prior.rejected > 0 ? await deps.store.ledger.listRejects(`cost:${req.kind}`, file) : [];
    const rejects = kept.map((x) => ({ line: x.line, reason: x.reason, raw: x.raw ?? null, file }));
    return { report: { kind: req.kind, file, source, unchanged: true, values: prior.valuesStored, rates: prior.ratesStored, skipped: {}, checks: {}, vintage: prior.vintage, rejects, removed: NOTHING_REMOVED }, hadRejects: prior.rejected > 0 };
  }
  const fallbackVintage = `${basename(req.file)} (imported ${deps.clock.now().toISOString().slice(0, 10)})`;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const parsed = PARSERS[req.kind](bytes.toString('utf8'), { file, source, vintage: req.vintage ?? fallbackVintage, year, indicator: req.indicator, today });
  const vintage = req.vintage ?? parsed.vintage ?? fallbackVintage;
  for (const row of [...parsed.values, ...parsed.rates]) row.vintage = vintage;
  const record: EconImportRecord = {
    kind: req.kind,
    file,
    sha256,
    valuesStored: parsed.values.length,
    ratesStored: parsed.rates.length,
    rejected: parsed.rejects.length,
    source,
    vintage,
    loadedAt: deps.clock.now().toISOString(),
    options,
  };
  return {
    report: {
      kind: req.kind,
      file,
      source,
      unchanged: false,
      values: parsed.values.length,
      rates: parsed.rates.length,
      skipped: parsed.skipped,
      checks: parsed.checks,
      vintage,
      rejects: parsed.rejects.map((r) => ({ ...r, file })),
      removed: await removedBy(deps.store, file, parsed),
    },
    write: { record, values: parsed.values, rates: parsed.rates },
    hadRejects: (prior?.rejected ?? 0) > 0,
  };
}

/** Import several files in one transaction; returns one report per file. */
export async function importEconFiles(deps: { store: Store; clock: Clock }, reqs: ImportRequest[]): Promise<ImportReport[]> {
  const prepared: Prepared[] = [];
  for (const r of reqs) prepared.push(await prepare(deps, r, prepared.some((p) => p.write)));
  const writes = prepared.flatMap((p) => (p.write ? [p.write] : []));
  if (writes.length === 0) return prepared.map((p) => p.report);
  // Each file's rejects list goes in the transaction that records the file (its hash, on which
  // a rerun skips it): a file a rerun skips always has the rejects of the import that recorded it.
  await deps.store.cost.saveImports(
    prepared.flatMap((p) => {
      if (!p.write) return [];
      if (p.report.rejects.length === 0 && !p.hadRejects) return [p.write];
      const kind = `cost:${p.report.kind}`;
      const records = p.report.rejects.map((r) => ({ importKind: kind, sourceFile: r.file, line: r.line, reason: r.reason, raw: r.raw }));
      return [{ ...p.write, rejects: { importKind: kind, sourceFile: p.report.file, records } }];
    }),
  );
  invalidateEconData(deps.store);
  return prepared.map((p) => p.report);
}

export const importEconFile = async (deps: { store: Store; clock: Clock }, req: ImportRequest): Promise<ImportReport> => (await importEconFiles(deps, [req]))[0]!;

export interface CostSeedReport {
  files: Omit<ImportReport, 'rejects'>[];
  values: number;
  rates: number;
  rejects: (ParseReject & { file: string })[];
}

/** Load every shipped file (data/costs); unchanged files are skipped by hash. */
export async function seedCostData(deps: { store: Store; clock: Clock; progress: ProgressReporter }, root = packageRoot()): Promise<CostSeedReport> {
  deps.progress.start('seed economic data', SHIPPED.length, 'files');
  const reports = await importEconFiles(
    deps,
    SHIPPED.map((f) => ({ kind: f.kind, file: resolve(root, f.path), year: f.year, indicator: f.indicator, source: f.source, vintage: f.vintage })),
  );
  deps.progress.update(SHIPPED.length);
  deps.progress.stop();
  return {
    files: reports.map(({ rejects: _r, ...rest }) => rest),
    values: reports.reduce((n, r) => n + r.values, 0),
    rates: reports.reduce((n, r) => n + r.rates, 0),
    rejects: reports.flatMap((r) => r.rejects),
  };
}
