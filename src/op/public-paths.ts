/**
 * Server paths in an op's answer, as a remote caller may see them. The store keeps the path an
 * import was given (a file in an `--import-dir` folder, the temporary folder of an upload, the
 * package's data folder for seeded data); a caller over HTTP sees a path inside one of its own
 * import folders as is (it named it) and any other absolute path by its file name only. Only
 * fields that hold a file (PATH_KEYS) are touched; the local user (files 'any') sees every path.
 */
import { basename, isAbsolute, resolve, sep } from 'node:path';
import type { Grant } from '../shared/index.js';

/** The answer fields that name a server file (a string, or a list of strings). */
const PATH_KEYS = new Set(['path', 'paths', 'file', 'files', 'sourceFile', 'source_file', 'key_file']);

const inside = (p: string, dirs: readonly string[]) => {
  const abs = resolve(p);
  return dirs.some((d) => abs === d || abs.startsWith(d.endsWith(sep) ? d : d + sep));
};

function shown(v: unknown, dirs: readonly string[]): unknown {
  if (typeof v === 'string') return isAbsolute(v) && !inside(v, dirs) ? basename(v) : v;
  if (Array.isArray(v))
    return sameOr(
      v,
      v.map((x) => (typeof x === 'string' ? shown(x, dirs) : walk(x, dirs))),
    );
  return walk(v, dirs);
}

const sameOr = (before: unknown[], after: unknown[]) => (after.every((x, i) => x === before[i]) ? before : after);

function walk(v: unknown, dirs: readonly string[]): unknown {
  if (Array.isArray(v))
    return sameOr(
      v,
      v.map((x) => walk(x, dirs)),
    );
  if (v === null || typeof v !== 'object' || v instanceof Date || ArrayBuffer.isView(v)) return v;
  let out: Record<string, unknown> | null = null;
  for (const [k, x] of Object.entries(v)) {
    const y = PATH_KEYS.has(k) ? shown(x, dirs) : walk(x, dirs);
    if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
  }
  return out ?? v;
}

/** `answer` with the server paths `grant` may not see named by file name; the very value when none changes. */
export function publicPaths<T>(answer: T, grant: Grant): T {
  return grant.files === 'any' ? answer : (walk(answer, grant.files) as T);
}
