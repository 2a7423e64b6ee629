/**
 * Fingerprint sets live in the store (table fingerprints, one replaceable set per source) so a
 * newer file loads without a code change. The shipped files under data/ooni/fingerprints are
 * imported by `db seed`, and on first use if the table is empty.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { packagePath, readTextStrict, type Clock } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
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
  rejects: { line: number; reason: string }[];
}

export async function importFingerprintFile(
  deps: { store: Store; clock: Clock },
  path: string,
  opts: { source?: string; kind?: 'cp_blockpage' | 'cp_false_positive' } = {},
): Promise<ImportReport> {
  const text = await readTextStrict(path);
  const source = opts.source ?? SHIPPED_FINGERPRINTS.find((s) => s.file === basename(path))?.source ?? basename(path).replace(/\.[a-z.]+$/i, '');
  const { items, rejects } = parseFingerprintFile(text, basename(path), source, opts.kind);
  const checksum = createHash('sha256').update(text).digest('hex').slice(0, 16);
  await deps.store.measure.replaceFingerprints(
    { source, file: basename(path), checksum, count: items.length, imported_at: deps.clock.now().toISOString() },
    items,
  );
  return { source, file: basename(path), count: items.length, checksum, rejects };
}

export async function importShippedFingerprints(
  deps: { store: Store; clock: Clock },
  dir = packagePath('data', 'ooni', 'fingerprints'),
): Promise<ImportReport[]> {
  const out: ImportReport[] = [];
  for (const s of SHIPPED_FINGERPRINTS) out.push(await importFingerprintFile(deps, `${dir}/${s.file}`, { source: s.source }));
  return out;
}

/** The current fingerprint set; imports the shipped files first if the store has none. */
export async function currentFingerprints(deps: { store: Store; clock: Clock }): Promise<Fingerprint[]> {
  let rows = await deps.store.measure.listFingerprints();
  if (rows.length === 0) {
    await importShippedFingerprints(deps);
    rows = await deps.store.measure.listFingerprints();
  }
  return rows as Fingerprint[];
}
