/**
 * Expand ingest PATH arguments into files, using OONI's bucket layout
 * (raw/YYYYMMDD/HH/CC/testname/*.jsonl.gz, and the pre-2020 jsonl/testname/CC/YYYYMMDD/...)
 * to skip whole directories and files without opening them when --since/--until/--cc/
 * --test-name say they cannot match.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileError } from '../../shared/index.js';

export interface IngestFilters {
  /** "YYYY-MM-DD HH:MM:SS" inclusive bounds, UTC */
  since?: string;
  until?: string;
  cc?: string[];
  test_name?: string[];
}

export interface SourceFile {
  path: string;
  size: number;
  mtime_ms: number;
  gz: boolean;
  /** Upload hour from the bucket path ("YYYY-MM-DD HH:00:00"), when the path has one. */
  bucket_hour: string | null;
}

/** Files a folder walk takes: JSON(L) measurements, and legacy YAML reports so that each is reported (records.ts), not passed over. */
const MEASUREMENT_FILE = /\.(jsonl|json|yamloo|yaml|yml)(\.gz)?$/i;
const testKey = (t: string) => t.replace(/_/g, '').toLowerCase();

export interface PathParts {
  date?: string; // YYYYMMDD
  hour?: string; // HH
  cc?: string;
  test?: string; // without underscores
}

/** Read what a path says about its contents: raw/<date>/<hour>/<CC>/<test>/... */
export function bucketParts(path: string): PathParts {
  const segs = path.split(/[\\/]/);
  const i = segs.lastIndexOf('raw');
  const out: PathParts = {};
  if (i >= 0) {
    const [d, h, cc, test] = segs.slice(i + 1, i + 5);
    if (d && /^\d{8}$/.test(d)) out.date = d;
    if (h && /^\d{2}$/.test(h)) out.hour = h;
    if (cc && /^[A-Z]{2}$/.test(cc)) out.cc = cc;
    if (test && /^[a-z0-9_]+$/.test(test) && !MEASUREMENT_FILE.test(test)) out.test = test;
  }
  const f = /(\d{10})_([A-Z]{2})_([a-z0-9_]+)\.[^/]*jsonl/.exec(segs.at(-1) ?? '');
  if (f) {
    out.date ??= f[1]!.slice(0, 8);
    out.hour ??= f[1]!.slice(8, 10);
    out.cc ??= f[2];
    out.test ??= f[3];
  }
  return out;
}

/** False when the parts known so far prove nothing under this path can pass the filters. */
export function mayMatch(parts: PathParts, f: IngestFilters): boolean {
  if (parts.cc && f.cc?.length && !f.cc.includes(parts.cc)) return false;
  if (parts.test && f.test_name?.length && !f.test_name.map(testKey).includes(testKey(parts.test))) return false;
  if (parts.date) {
    const d = `${parts.date.slice(0, 4)}-${parts.date.slice(4, 6)}-${parts.date.slice(6, 8)}`;
    const from = parts.hour ? `${d} ${parts.hour}:00:00` : `${d} 00:00:00`;
    const to = parts.hour ? `${d} ${parts.hour}:59:59` : `${d} 23:59:59`;
    // measurements may start up to a day before their upload bucket
    const slackFrom = new Date(Date.parse(`${from.replace(' ', 'T')}Z`) - 86400_000).toISOString().replace('T', ' ').slice(0, 19);
    if (f.since && to < f.since) return false;
    if (f.until && slackFrom > f.until) return false;
  }
  return true;
}

export async function expandPaths(paths: string[], filters: IngestFilters): Promise<{ files: SourceFile[]; skipped: number }> {
  const files: SourceFile[] = [];
  let skipped = 0;
  const add = (path: string, size: number, mtime: number) => {
    const parts = bucketParts(path);
    if (!mayMatch(parts, filters)) {
      skipped++;
      return;
    }
    files.push({
      path,
      size,
      mtime_ms: Math.floor(mtime),
      gz: /\.gz$/i.test(path),
      bucket_hour: parts.date && parts.hour ? `${parts.date.slice(0, 4)}-${parts.date.slice(4, 6)}-${parts.date.slice(6, 8)} ${parts.hour}:00:00` : null,
    });
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (mayMatch(bucketParts(p), filters)) await walk(p);
        else skipped++;
      } else if (e.isFile() && MEASUREMENT_FILE.test(e.name)) {
        const s = await stat(p);
        add(p, s.size, s.mtimeMs);
      }
    }
  };
  for (const raw of paths) {
    const p = resolve(raw);
    const s = await stat(p).catch((e: NodeJS.ErrnoException) => {
      throw fileError(raw, e, 'paths');
    });
    if (s.isDirectory()) await walk(p);
    else add(p, s.size, s.mtimeMs);
  }
  return { files, skipped };
}
