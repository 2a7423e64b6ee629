/**
 * The measurement part of `db seed`: import the shipped fingerprint sets, ingest the shipped
 * real OONI measurements (data/ooni/measurements, CC BY-NC-SA 4.0) and link the Telegram-block
 * event to its measurement evidence when that event exists. Safe to re-run: the manifest skips
 * files already ingested and links are keyed by their query.
 */
import { join } from 'node:path';
import { packagePath, type Clock, type ProgressReporter } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { linkMeasurementQuery, type SavedQuery } from './evidence.js';
import { importShippedFingerprints } from './fingerprints/index.js';
import { ingest } from './ingest.js';

/** Saved evidence queries for seeded ledger events. */
export const SEED_LINKS: { eventId: string; query: SavedQuery }[] = [
  {
    eventId: 'ru-2018-telegram-block',
    query: {
      cc: 'RU',
      test_name: 'telegram',
      target: 'telegram',
      since: '2018-04-16',
      until: '2022-12-31',
      label: 'OONI telegram test in Russia',
      note: 'Covers the block (from 2018-04-16) and later measurements; the shipped sample holds one real RU measurement (2022-11-09, AS8402), after the official unblocking of 2020-06-18, which OONI still scores as an anomaly.',
    },
  },
];

export async function seedMeasurements(deps: { store: Store; clock: Clock; progress: ProgressReporter }, dataDir = packagePath('data', 'ooni')) {
  const fingerprints = await importShippedFingerprints(deps, join(dataDir, 'fingerprints'));
  const r = await ingest(deps, { paths: [join(dataDir, 'measurements')], workers: 0 });
  const links: string[] = [];
  const rejects: { file: string; line?: number; reason: string }[] = [];
  for (const fp of fingerprints) for (const j of fp.rejects) rejects.push({ file: fp.file, line: j.line, reason: j.reason });
  for (const j of r.rejects) rejects.push({ file: j.path, line: j.line, reason: `${j.reason}: ${j.detail}` });
  for (const l of SEED_LINKS) {
    if (!(await deps.store.ledger.getEvent(l.eventId))) continue;
    links.push((await linkMeasurementQuery(deps, l.eventId, l.query)).target);
  }
  return {
    fingerprints: fingerprints.map((f) => ({ source: f.source, count: f.count })),
    measurements: {
      files: r.files.total,
      skipped_unchanged: r.files.skipped_unchanged,
      lines_read: r.lines_read,
      stored: r.stored,
      duplicates: r.duplicates,
      rejected: r.rejected,
      reconciled: r.reconciled,
    },
    links,
    rejects,
  };
}
