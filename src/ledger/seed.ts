/**
 * The seed: loads the reviewable files in data/ledger (one JSON per event, one per indicator
 * series) into the store. Re-running is safe: an unchanged event is skipped, a changed seed
 * file updates its event with a revision only if no human edited it since, and every file
 * that fails validation is reported by name (nothing is skipped silently). Events are geocoded
 * on the way in (regions, places, population affected), as STOP records are at import.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError, type Clock, type ProgressReporter } from '../shared/index.js';
import type { EventWrite, Store } from '../store/index.js';
import { geocodeFields } from './geocode.js';
import { parseEventInput } from './model.js';
import { planUpsert } from './upsert.js';
import { parseSeries, saveSeries, type IndicatorSeries } from './indicators.js';
import { SEED_ACTOR } from './actors.js';

export interface SeedReport {
  events: { files: number; created: number; updated: number; unchanged: number; kept_user_edits: number; rejected: number };
  indicators: { files: number; series: number; values: number; rejected: number };
  rejects: { file: string; reason: string }[];
}

/** The folder's *.json regular files (a symlink is skipped: it could lead out of an import folder). */
async function jsonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => d.name)
    .sort()
    .map((n) => join(dir, n));
}

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
      const parsed = parseEventInput(JSON.parse(await readFile(file, 'utf8')), `invalid event in ${file}`);
      // Geocoded as `events geocode` would, so a re-seed after it finds the event unchanged: from
      // the area text the file gives (geocode.text), else its regions; a file geocoded by hand
      // (status "manual") keeps its geocoding.
      const f = parsed.geocode?.status === 'manual' ? parsed : { ...parsed, ...geocodeFields(parsed) };
      const id = f.id ?? file.replace(/^.*\//, '').replace(/\.json$/, '');
      if (f.id && !file.endsWith(`/${f.id}.json`)) throw new AppError('VALIDATION', `${file}: id "${f.id}" does not match the file name`);
      const plan = await planUpsert(deps.store, f, id, { actor: SEED_ACTOR, origin: 'seed', reason: `seeded from data/ledger/events/${id}.json`, now });
      if (plan.write) writes.push(plan.write);
      report.events[plan.outcome]++;
    } catch (e) {
      report.events.rejected++;
      report.rejects.push({ file, reason: isAppError(e) || e instanceof SyntaxError ? e.message : String(e) });
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
