/**
 * The filters a file was ingested under, as the manifest keeps them (`ingest_files.filters`,
 * null when the file was read whole), and whether they admitted everything a new run would: a
 * file is skipped as unchanged only then, so a filtered ingest never hides the measurements it
 * left out from a later, wider one.
 */
import type { IngestFilters } from './reader/sources.js';

/** The filters in one canonical text (lists sorted, absent keys left out); null when the run reads every measurement. */
export function filtersText(f: IngestFilters): string | null {
  const out: IngestFilters = {};
  if (f.cc?.length) out.cc = [...new Set(f.cc)].sort();
  if (f.test_name?.length) out.test_name = [...new Set(f.test_name)].sort();
  if (f.since) out.since = f.since;
  if (f.until) out.until = f.until;
  return Object.keys(out).length ? JSON.stringify(out) : null;
}

export const filtersOf = (text: string | null | undefined): IngestFilters | null => (text ? (JSON.parse(text) as IngestFilters) : null);

/** Every value `next` admits in a list filter, `prev` admits too (an absent list admits every value). */
const listCovers = (prev: string[] | undefined, next: string[] | undefined) => !prev?.length || (!!next?.length && next.every((v) => prev.includes(v)));

/**
 * True when a file read under `prev` (null: read whole) stored every measurement a run under
 * `next` would store: each of next's filters is the same as prev's or narrower.
 */
export function filtersCover(prev: IngestFilters | null, next: IngestFilters): boolean {
  if (!prev) return true;
  return (
    listCovers(prev.cc, next.cc) &&
    listCovers(prev.test_name, next.test_name) &&
    (!prev.since || (!!next.since && next.since >= prev.since)) &&
    (!prev.until || (!!next.until && next.until <= prev.until))
  );
}

/** The filters in the words of the CLI flags: `--cc RU --since 2020-01-01 00:00:00`. */
export function filtersWords(f: IngestFilters): string {
  const words: string[] = [];
  if (f.cc?.length) words.push(`--cc ${f.cc.join(',')}`);
  if (f.test_name?.length) words.push(`--test-name ${f.test_name.join(',')}`);
  if (f.since) words.push(`--since "${f.since}"`);
  if (f.until) words.push(`--until "${f.until}"`);
  return words.join(' ');
}
