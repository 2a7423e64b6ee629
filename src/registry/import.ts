/**
 * `registry import FILE...`: recognise every file (plan.ts), import each into its snapshot
 * (idempotent: the same file of the same snapshot replaces itself; an unchanged file is
 * skipped), keep rejects with their line numbers, then re-analyse the touched snapshots and
 * publish their indicators and evidence links.
 */
import type { Clock, ProgressReporter } from '../shared/index.js';
import type { RegistrySnapshotRecord, RetiredValues, Store } from '../store/index.js';
import type { IndicatorSeries } from '../ledger/index.js';
import { analyseSnapshot, type SnapshotAnalysis } from './analysis.js';
import { refuseConflicts } from './conflicts.js';
import { ensureAsnTable } from './asn.js';
import { importCidrFile, importDumpFile, PARSER_VERSION, REJECT_KIND, rejectKey, rejectList, type FileReport, type LineReject } from './file-import.js';
import { planFiles, type PlannedFile } from './plan.js';
import { unpublishedSnapshots } from './published.js';
import { daySnapshot, snapshotFlags } from './snapshots.js';
import { importDailyStats } from './stats-import.js';
import { isRecordsSeries, oneStatePerDay } from './day-state.js';
import { dailyDays, droppedValues } from './daily-days.js';
import { linkDecisionEvents } from './decision-links.js';
import { dailySeries, linkEvidence, publish, snapshotLocator, snapshotSeries, type LinkReport } from './timeline.js';

export interface ImportOptions {
  dumpTime?: string;
  force?: boolean;
}

export interface ImportReport {
  files: FileReport[];
  snapshots: { id: string; kind: string; complete: boolean; lower_bound: boolean; entries: number; ipv4_distinct: number }[];
  stored: number;
  rejected: number;
  reconciled: boolean;
  rejects: { file: string; line: number; reason: string }[];
  indicators: { series: number; values: number };
  links: LinkReport[];
}

type Deps = { store: Store; clock: Clock; progress: ProgressReporter };

export { REJECT_KIND };
const MAX_REPORTED_REJECTS = 200;

/**
 * The file as the snapshot already holds it, or null to import it. A file is known by its
 * content, not its name: the same bytes under another name are that file again (unchanged),
 * never a second copy of its entries in the snapshot.
 */
async function unchanged(store: Store, plan: PlannedFile): Promise<FileReport | null> {
  const files = await store.registry.listFiles(plan.snapshotId!);
  const twin = files.find((f) => f.sourceFile !== plan.sourceFile && f.doc.sha256 === plan.sha256);
  const prev = twin ?? files.find((f) => f.sourceFile === plan.sourceFile);
  if (!prev || prev.doc.sha256 !== plan.sha256 || prev.doc.parser_version !== PARSER_VERSION) return null;
  return { ...(prev.doc as unknown as FileReport), path: plan.path, status: 'unchanged' };
}

/** Whether a snapshot's stored flags differ from what its files give now (a set of parts completed by an earlier import). */
async function staleFlags(store: Store, id: string): Promise<boolean> {
  const snap = (await store.registry.listSnapshots()).find((s) => s.id === id);
  return snap !== undefined && snapshotFlags(await store.registry.listFiles(id)).complete !== snap.complete;
}

function snapshotRecord(plan: PlannedFile, at: string): RegistrySnapshotRecord {
  return {
    id: plan.snapshotId!,
    dumpAt: plan.dumpAt!,
    timeBasis: plan.timeBasis!,
    kind: plan.format === 'cidr_derived' ? 'cidr_derived' : 'dump',
    complete: plan.complete,
    lowerBound: !plan.complete,
    doc: {},
    updatedAt: at,
  };
}

export async function importRegistry(deps: Deps, paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const now = deps.clock.now();
  const plans = await planFiles(paths, { dumpTime: opts.dumpTime, nowMs: now.getTime() });
  await refuseConflicts(deps.store, plans, opts.force === true);
  const at = now.toISOString();
  const report: ImportReport = {
    files: [],
    snapshots: [],
    stored: 0,
    rejected: 0,
    reconciled: true,
    rejects: [],
    indicators: { series: 0, values: 0 },
    links: [],
  };
  const touched = new Set<string>();
  const series: IndicatorSeries[] = [];
  // the daily series is published once, from every daily file stored, after this import's files
  let dailyFile: string | null = null;
  // A snapshot without figures was left before its analysis ended (a file's write resets them):
  // a file of it found unchanged still has it analysed again.
  const stored = await deps.store.registry.listSnapshots();
  const unanalysed = new Set(stored.filter((s) => s.doc.entries === undefined).map((s) => s.id));
  // A snapshot analysed elsewhere (another node sharing the cluster) without values in this store's
  // series: a file of it found unchanged still has it analysed and published here.
  const unpublished = new Set((await unpublishedSnapshots(deps.store)).map((s) => s.id));
  // A complete snapshot stays complete: refuseConflicts lets into it only files that replace its own.
  const complete = new Set(stored.filter((s) => s.complete).map((s) => s.id));
  for (const plan of plans) {
    const rejects: LineReject[] = [];
    const key = rejectKey(plan);
    let file = plan.snapshotId && !opts.force ? await unchanged(deps.store, plan) : null;
    if (!file) {
      deps.progress.start(`import ${plan.sourceFile}`, undefined, 'bytes');
      if (plan.format === 'daily_stats') {
        // Outside any snapshot, so never skipped as unchanged: a rerun writes its rows and rejects again.
        file = await importDailyStats(deps.store, plan, at, rejects);
        const list = rejectList(plan, rejects);
        await deps.store.ledger.replaceRejects(list.importKind, list.sourceFile, list.records);
        dailyFile = plan.sourceFile;
      } else {
        // The file's rows, its record (the hash a rerun skips it on) and its rejects list are written together (RegistryRepo.writeFile).
        const snap = snapshotRecord(plan, at);
        if (complete.has(snap.id)) Object.assign(snap, { complete: true, lowerBound: false });
        file =
          plan.format === 'cidr_derived'
            ? await importCidrFile(deps.store, plan, snap, at, rejects)
            : await importDumpFile(deps.store, plan, snap, at, deps.progress, rejects);
        touched.add(snap.id);
      }
      deps.progress.stop();
    }
    const again = (id: string) => unanalysed.has(id) || unpublished.has(id);
    if (file.status === 'unchanged' && plan.snapshotId && (again(plan.snapshotId) || (await staleFlags(deps.store, plan.snapshotId))))
      touched.add(plan.snapshotId);
    report.files.push(file);
    report.stored += file.stored;
    report.rejected += file.rejected;
    report.reconciled &&= file.reconciled;
    const listed = rejects.length ? rejects : file.rejected > 0 ? await deps.store.ledger.listRejects(REJECT_KIND, key) : [];
    for (const r of listed.slice(0, Math.max(0, MAX_REPORTED_REJECTS - report.rejects.length)))
      report.rejects.push({ file: plan.sourceFile, line: r.line, reason: r.reason });
  }
  let dailyRetire: RetiredValues[] = [];
  if (dailyFile !== null) {
    const { kept, dropped } = dailyDays(await deps.store.registry.listDailyStats());
    series.push(...dailySeries(kept, dailyFile));
    dailyRetire = droppedValues(dropped, await registrySeriesIds(deps.store, series));
  }
  if (touched.size) await ensureAsnTable(deps);
  const figures: RegistrySnapshotRecord[] = [];
  const analysed = [];
  for (const id of [...touched].sort()) {
    const { a, withFigures } = await refreshSnapshot(deps, id, at);
    analysed.push(a);
    report.links.push(...(await linkEvidence(deps.store, a)), ...(await linkDecisionEvents(deps.store, a)));
    figures.push(withFigures);
  }
  const retire = await daySeries(deps.store, analysed, series);
  if (series.length) {
    const days = await dayStates(deps.store, series);
    report.indicators = await publish(deps.store, days.series, [...retire, ...dailyRetire, ...days.retire]);
  }
  // The figures last: a snapshot that has them has its evidence links and series written too.
  for (const s of figures) await deps.store.registry.upsertSnapshot(s);
  const snapIds = new Set(plans.map((p) => p.snapshotId).filter((s): s is string => s !== null));
  report.snapshots = (await deps.store.registry.listSnapshots())
    .filter((s) => snapIds.has(s.id))
    .map((s) => ({
      id: s.id,
      kind: s.kind,
      complete: s.complete,
      lower_bound: s.lowerBound,
      entries: Number(s.doc.entries ?? 0),
      ipv4_distinct: Number(s.doc.ipv4_distinct ?? 0),
    }));
  return report;
}

/**
 * The per-snapshot series, one value per UTC day: an analysed snapshot publishes only when it is
 * its day's snapshot (daySnapshot: the last complete one, else the last), and its values retire
 * those of the day's other snapshots, so two states of the register are never shown as a dispute.
 */
async function daySeries(store: Store, analysed: SnapshotAnalysis[], series: IndicatorSeries[]): Promise<RetiredValues[]> {
  const all = await store.registry.listSnapshots();
  const registrySeries = await registrySeriesIds(store, []);
  const retire: RetiredValues[] = [];
  for (const a of analysed) {
    const day = a.snapshot.dump_at.slice(0, 10);
    if (daySnapshot(all, day)?.id !== a.snapshot.id) continue;
    const mine = snapshotSeries(a);
    series.push(...mine);
    const others = all.filter((s) => s.dumpAt.slice(0, 10) === day && s.id !== a.snapshot.id).map((s) => snapshotLocator(s.id));
    const ids = [...new Set([...registrySeries, ...mine.map((s) => s.id)])];
    if (others.length) retire.push({ seriesIds: ids, period: day, locators: others });
  }
  return retire;
}

/** The registry's series ids: those stored and those about to be published. */
async function registrySeriesIds(store: Store, series: IndicatorSeries[]): Promise<string[]> {
  const stored = (await store.ledger.listIndicatorSeries({ country: 'RU' })).filter((s) => s.origin === 'registry').map((s) => s.id);
  return [...new Set([...stored, ...series.map((s) => s.id)])];
}

/** The records series with one state of the register per day, daily row or snapshot (day-state.ts). */
async function dayStates(store: Store, series: IndicatorSeries[]) {
  const ids = (await store.ledger.listIndicatorSeries({ country: 'RU' })).filter((s) => s.origin === 'registry' && isRecordsSeries(s.id)).map((s) => s.id);
  const stored = (await store.ledger.listIndicatorValues(ids)).map((v) => {
    const source = v.doc.source as { locator?: unknown } | undefined;
    return { seriesId: v.seriesId, period: v.period, locator: typeof source?.locator === 'string' ? source.locator : '' };
  });
  return oneStatePerDay({ series, snapshots: await store.registry.listSnapshots(), daily: await store.registry.listDailyStats(), stored });
}

/**
 * Recompute a snapshot's flags from all its files (stored, without figures) and analyse it; the
 * snapshot with its headline figures is returned for the caller to store once the rest is written.
 */
async function refreshSnapshot(deps: Deps, id: string, at: string) {
  const snap = (await deps.store.registry.listSnapshots()).find((s) => s.id === id)!;
  const files = await deps.store.registry.listFiles(id);
  const updated = { ...snap, ...snapshotFlags(files), doc: {}, updatedAt: at };
  await deps.store.registry.upsertSnapshot(updated);
  const a = await analyseSnapshot(deps, updated);
  const withFigures: RegistrySnapshotRecord = {
    ...updated,
    doc: {
      files: files.length,
      entries: a.entries.total,
      ipv4_distinct: a.ipv4.distinct_addresses,
      ipv4_listed: a.ipv4.listed_addresses,
      ipv6_tokens: a.ipv6.tokens,
      decisions: a.entries.decisions,
    },
  };
  return { a, withFigures };
}
