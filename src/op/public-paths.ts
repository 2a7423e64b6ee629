/**
 * Server paths in an op's answer, as a remote caller may see them. The store keeps the path an
 * import was given (a file in an `--import-dir` folder, the temporary folder of an upload, the
 * package's data folder for seeded data); a caller over HTTP sees a path inside one of its own
 * import folders as is (it named it) and any other absolute path by its file name only. Only
 * fields that hold a file (PATH_KEYS, and an op's own `serverPaths.keys`) are touched, and the
 * absolute paths quoted in the text of an op's `serverPaths.text` keys (an error naming a file);
 * the local user (files 'any') sees every path.
 */
import { basename, isAbsolute, resolve, sep } from 'node:path';
import type { Grant } from '../shared/index.js';

/** The answer fields that name a server file (a string, or a list of strings). */
const PATH_KEYS = ['path', 'paths', 'file', 'files', 'sourceFile', 'source_file', 'key_file'];

/** An op's answer keys beyond PATH_KEYS that name a server file (`keys`) or whose text may quote one (`text`). */
export interface ServerPaths {
  keys?: readonly string[];
  text?: readonly string[];
}

/** An absolute path quoted in text: a "/" that starts no URL, number pair or word ("ours/theirs"), to the next space, quote or punctuation. */
const QUOTED_PATH = /(?<![\w.:/~-])\/[^\s'"`,;:()<>[\]]+/g;

interface Rule {
  dirs: readonly string[];
  keys: ReadonlySet<string>;
  text: ReadonlySet<string>;
}

const inside = (p: string, dirs: readonly string[]) => {
  const abs = resolve(p);
  return dirs.some((d) => abs === d || abs.startsWith(d.endsWith(sep) ? d : d + sep));
};

const named = (p: string, dirs: readonly string[]) => (isAbsolute(p) && !inside(p, dirs) ? basename(p) || p : p);

function shown(v: unknown, r: Rule, fix: (s: string) => string): unknown {
  if (typeof v === 'string') return fix(v);
  if (Array.isArray(v))
    return sameOr(
      v,
      v.map((x) => (typeof x === 'string' ? fix(x) : walk(x, r))),
    );
  return walk(v, r);
}

const sameOr = (before: unknown[], after: unknown[]) => (after.every((x, i) => x === before[i]) ? before : after);

function walk(v: unknown, r: Rule): unknown {
  if (Array.isArray(v))
    return sameOr(
      v,
      v.map((x) => walk(x, r)),
    );
  if (v === null || typeof v !== 'object' || v instanceof Date || ArrayBuffer.isView(v)) return v;
  let out: Record<string, unknown> | null = null;
  for (const [k, x] of Object.entries(v)) {
    const y = r.keys.has(k)
      ? shown(x, r, (s) => named(s, r.dirs))
      : r.text.has(k)
        ? shown(x, r, (s) => s.replace(QUOTED_PATH, (p) => named(p, r.dirs)))
        : walk(x, r);
    if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
  }
  return out ?? v;
}

/** `answer` with the server paths `grant` may not see named by file name; the very value when none changes. */
export function publicPaths<T>(answer: T, grant: Grant, own: ServerPaths = {}): T {
  if (grant.files === 'any') return answer;
  return walk(answer, { dirs: grant.files, keys: new Set([...PATH_KEYS, ...(own.keys ?? [])]), text: new Set(own.text ?? []) }) as T;
}
