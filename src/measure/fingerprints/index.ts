/**
 * Fingerprint sets live in the store (table fingerprints, one replaceable set per source) so a
 * newer file loads without a code change. The shipped files under data/ooni/fingerprints are
 * imported by `db seed`, and on first use if the table is empty.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { packagePath, readTextStrict, type Clock } from '../../shared/index.js';
import type { FingerprintSet, Store } from '../../store/index.js';
import { parseFingerprintFile, type Fingerprint } from './load.js';

export { FingerprintMatcher, fingerprintsVersion, isConfirmingMatch } from './matcher.js';
export { parseFingerprintFile, type Fingerprint, type FingerprintKind } from './load.js';

/** The shipped sets: OONI's DNS and HTTP lists, Censored Planet's block pages and false positives, our CDN challenge pages. */
export const SHIPPED_FINGERPRINTS: { file: string; source: string }[] = [
  { file: 'fingerprints_dns.csv', source: 'ooni-dns' },
  { file: 'fingerprints_http.csv', source: 'ooni-http' },
  { file: 'censoredplanet_blockpage_signatures.jsonl', source: 'cp-blockpage' },
  { file: 'censoredplanet_false_positive_signatures.jsonl', source: 'cp-false-positive' },
  { file: 'splinternet_false_positives.jsonl', source: 'splinternet-false-positive' },
];

export interface ImportReport {
  source: string;
  file: string;
  count: number;
  checksum: string;
  /** Each rejected row with the file it is in (the file's name, as `file`), line and reason. */
  rejects: { file: string; line: number; reason: string }[];
}

type Deps = { store: Store; clock: Clock };

/**
 * The set a file replaces when no --source is given: a file of OONI's CSV/JSON shape whose rows
 * are all DNS (or all HTTP) fingerprints replaces OONI's DNS (HTTP) set, whatever the file is
 * called, so a newer copy under another name withdraws the old rows instead of adding a second
 * set beside them. Censored Planet and our own files keep the name they were given.
 */
export function setFor(named: string, items: readonly Pick<Fingerprint, 'kind'>[], fileName: string): string {
  // OONI publishes CSV and JSON; Censored Planet and our own sets are JSON Lines
  if (!items.length || !/\.(csv|json)$/i.test(fileName) || named.startsWith('cp-') || named.startsWith('splinternet-')) return named;
  if (items.every((f) => f.kind === 'dns')) return 'ooni-dns';
  if (items.every((f) => f.kind === 'http')) return 'ooni-http';
  return named;
}

/** A file read and parsed into the set it replaces (nothing written yet). */
async function readSet(
  deps: Deps,
  path: string,
  opts: { source?: string; kind?: 'cp_blockpage' | 'cp_false_positive' },
): Promise<{ set: FingerprintSet; report: ImportReport }> {
  const text = await readTextStrict(path);
  const named = opts.source ?? SHIPPED_FINGERPRINTS.find((s) => s.file === basename(path))?.source ?? basename(path).replace(/\.[a-z.]+$/i, '');
  const parsed = parseFingerprintFile(text, basename(path), named, opts.kind);
  const source = opts.source ? named : setFor(named, parsed.items, basename(path));
  const items = source === named ? parsed.items : parsed.items.map((f) => ({ ...f, source }));
  const { rejects } = parsed;
  const checksum = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return {
    set: { source: { source, file: basename(path), checksum, count: items.length, imported_at: deps.clock.now().toISOString() }, items },
    report: { source, file: basename(path), count: items.length, checksum, rejects: rejects.map((r) => ({ file: basename(path), ...r })) },
  };
}

export async function importFingerprintFile(
  deps: Deps,
  path: string,
  opts: { source?: string; kind?: 'cp_blockpage' | 'cp_false_positive' } = {},
): Promise<ImportReport> {
  const { set, report } = await readSet(deps, path, opts);
  await deps.store.measure.replaceFingerprints([set]);
  return report;
}

/** Every shipped set, replaced in one write: a reader sees the previous sets or all the new ones. */
export async function importShippedFingerprints(deps: Deps, dir = packagePath('data', 'ooni', 'fingerprints')): Promise<ImportReport[]> {
  const read = await Promise.all(SHIPPED_FINGERPRINTS.map((s) => readSet(deps, `${dir}/${s.file}`, { source: s.source })));
  await deps.store.measure.replaceFingerprints(read.map((r) => r.set));
  return read.map((r) => r.report);
}

/**
 * The current fingerprint set; imports the shipped files first if the store has none. Callers at
 * once on an empty store each import them (the same rows) and each get the whole set.
 */
export async function currentFingerprints(deps: Deps): Promise<Fingerprint[]> {
  let rows = await deps.store.measure.listFingerprints();
  if (rows.length === 0) {
    await importShippedFingerprints(deps);
    rows = await deps.store.measure.listFingerprints();
  }
  return rows as Fingerprint[];
}
