/**
 * The seed: loads the reviewable files in data/ledger (one JSON per event, one per indicator
 * series) into the store. Re-running is safe: an unchanged event is skipped, a changed seed
 * file updates its event with a revision only if no human edited it since, and every file
 * that fails validation is reported by name (nothing is skipped silently).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError, type Clock, type ProgressReporter } from '../shared/index.js';
import type { EventWrite, Store } from '../store/index.js';
import { parseEventInput, type LedgerEvent } from './model.js';
import { buildEvent, toRecord } from './service.js';
import { parseSeries, saveSeries, type IndicatorSeries } from './indicators.js';

export interface SeedReport {
  events: { files: number; created: number; updated: number; unchanged: number; kept_user_edits: number; rejected: number };
  indicators: { files: number; series: number; values: number; rejected: number };
  rejects: { file: string; reason: string }[];
}

async function jsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
}

/** The fields of an event that a seed file controls (everything but ledger metadata). */
const content = (e: LedgerEvent) => {
  const { revision: _r, created_at: _c, updated_at: _u, status: _s, ...rest } = e;
  return JSON.stringify(rest);
};

export async function seedLedger(deps: { store: Store; clock: Clock; progress: ProgressReporter }, dataDir: string): Promise<SeedReport> {
  const report: SeedReport = {
    events: { files: 0, created: 0, updated: 0, unchanged: 0, kept_user_edits: 0, rejected: 0 },
    indicators: { files: 0, series: 0, values: 0, rejected: 0 },
    rejects: [],
  };
  const files = await jsonFiles(join(dataDir, 'events'));
  report.events.files = files.length;
  deps.progress.start('seed events', files.length, 'files');
  const writes: EventWrite[] = [];
  const now = deps.clock.now().toISOString();
  for (const [i, file] of files.entries()) {
    deps.progress.update(i + 1);
    try {
      const f = parseEventInput(JSON.parse(await readFile(file, 'utf8')), `invalid event in ${file}`);
      const id = f.id ?? file.replace(/^.*\//, '').replace(/\.json$/, '');
      if (f.id && !file.endsWith(`/${f.id}.json`)) throw new AppError('VALIDATION', `${file}: id "${f.id}" does not match the file name`);
      const cur = await deps.store.ledger.getEvent(id);
      if (!cur) {
        const e = buildEvent(f, id, f.status, 1, now, now);
        writes.push({ record: toRecord(e, 'seed'), revision: { eventId: id, revision: 1, action: 'create', actor: 'seed', reason: `seeded from ${file.replace(/^.*\/data\//, 'data/')}`, at: now, previous: null, current: e as never }, expectedRevision: null });
        report.events.created++;
        continue;
      }
      const old = cur.doc as unknown as LedgerEvent;
      const next = buildEvent(f, id, old.status, old.revision + 1, old.created_at, now);
      if (content(next) === content(old)) report.events.unchanged++;
      else if ((await deps.store.ledger.listRevisions(id)).some((r) => r.actor !== 'seed')) report.events.kept_user_edits++;
      else {
        writes.push({ record: toRecord(next, 'seed'), revision: { eventId: id, revision: next.revision, action: 'update', actor: 'seed', reason: 'seed file changed', at: now, previous: old as never, current: next as never }, expectedRevision: old.revision });
        report.events.updated++;
      }
    } catch (e) {
      report.events.rejected++;
      report.rejects.push({ file, reason: isAppError(e) || e instanceof SyntaxError ? (e as Error).message : String(e) });
    }
  }
  await deps.store.ledger.writeEvents(writes);
  deps.progress.stop();

  const series: IndicatorSeries[] = [];
  for (const file of await jsonFiles(join(dataDir, 'indicators'))) {
    report.indicators.files++;
    try {
      series.push(parseSeries(JSON.parse(await readFile(file, 'utf8')), file));
    } catch (e) {
      report.indicators.rejected++;
      report.rejects.push({ file, reason: (e as Error).message });
    }
  }
  await saveSeries(deps.store, series, 'seed');
  report.indicators.series = series.length;
  report.indicators.values = series.reduce((n, s) => n + s.values.length, 0);
  return report;
}
