/**
 * Real OONI lines for ingest tests, and SYNTHETIC variations of them: the same measurement with a
 * different report_id (and so a different key), to build corpora of any size from real content.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export const OONI_FIXTURES = join(import.meta.dirname, '../fixtures/ooni');

/** The 28 real Explorer-fixture measurements, one JSON line each. */
export const realLines = (): string[] => gunzipSync(readFileSync(join(OONI_FIXTURES, 'explorer/measurements.jsonl.gz'))).toString('utf8').trim().split('\n');

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
