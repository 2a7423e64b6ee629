/**
 * Real OONI lines for ingest tests, and SYNTHETIC variations of them: the same measurement with a
 * different report_id (and so a different key), to build corpora of any size from real content.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FingerprintMatcher, parseFingerprintFile, SHIPPED_FINGERPRINTS, type Fingerprint } from '../../src/measure/fingerprints/index.js';
import type { Json } from '../../src/measure/reader/parse.js';

export const OONI_FIXTURES = join(import.meta.dirname, '../fixtures/ooni');

/** The 28 real Explorer-fixture measurements, one JSON line each. */
export const realLines = (): string[] =>
  gunzipSync(readFileSync(join(OONI_FIXTURES, 'explorer/measurements.jsonl.gz')))
    .toString('utf8')
    .trim()
    .split('\n');

/** SYNTHETIC: `n` lines cycling over real lines under `maxBytes`, each with its own report_id. */
export function variedLines(n: number, tag: string, maxBytes = 12_000): string[] {
  const base = realLines().filter((l) => l.length <= maxBytes && (JSON.parse(l) as { report_id?: string }).report_id);
  return Array.from({ length: n }, (_, i) => {
    const m = JSON.parse(base[i % base.length]!) as Record<string, unknown>;
    m.report_id = `${String(m.report_id)}_${tag}${i}`;
    delete m.measurement_uid;
    return JSON.stringify(m);
  });
}

export function writeJsonl(path: string, lines: string[], gz = false): string {
  const body = Buffer.from(lines.join('\n') + '\n');
  writeFileSync(path, gz ? gzipSync(body) : body);
  return path;
}

const ROOT = join(import.meta.dirname, '../..');
const gzLines = (p: string) => gunzipSync(readFileSync(p)).toString('utf8').trim().split('\n');
function* jsonlGz(dir: string): Generator<string> {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) yield* jsonlGz(p);
    else if (p.endsWith('.jsonl.gz')) yield p;
  }
}

/** A repository-relative `.jsonl.gz` file as its JSON lines. */
export const repoLines = (rel: string): string[] => gzLines(join(ROOT, rel));

/** The shipped real measurements (data/ooni/measurements), one JSON line each, in file order. */
export const shippedLines = (): string[] => repoLines('data/ooni/measurements/ooni-real-measurements.jsonl.gz');

/** The shipped real measurements, parsed. */
export const shippedMeasurements = (): Json[] => shippedLines().map((l) => JSON.parse(l) as Json);

/** Every shipped and fixture measurement set, by name, as JSON lines (the synthetic sets say so in their names). */
export const fixtureSets = (): Record<string, string[]> => ({
  shipped: shippedLines(),
  qa: gzLines(join(ROOT, 'test/fixtures/ooni-qa/measurements.jsonl.gz')),
  qa_synthetic: gzLines(join(ROOT, 'test/fixtures/ooni-qa/synthetic.jsonl.gz')),
  explorer: gzLines(join(OONI_FIXTURES, 'explorer/measurements.jsonl.gz')),
  bucket_sample: [...jsonlGz(join(OONI_FIXTURES, 'bucket-sample/raw'))].flatMap(gzLines),
  throttle_synthetic: gzLines(join(ROOT, 'test/fixtures/ooni-throttle-synthetic/measurements.jsonl.gz')),
});

/** The matcher over the shipped fingerprint files (what a fresh store imports). */
export const shippedMatcher = (keep: (fp: Fingerprint) => boolean = () => true): FingerprintMatcher =>
  new FingerprintMatcher(
    SHIPPED_FINGERPRINTS.flatMap(
      (s) => parseFingerprintFile(readFileSync(join(ROOT, 'data/ooni/fingerprints', s.file), 'utf8'), s.file, s.source).items,
    ).filter(keep),
  );
