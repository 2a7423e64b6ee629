/**
 * The caller's side of an op's `localPaths`: the input with each path made absolute against the
 * caller's working directory. A key that is absent, or not a string or list of strings, is left
 * as it is (the op's schema refuses it where it runs); "-" (standard input) is no path and is
 * left too. The input itself is not changed.
 */
import { resolve } from 'node:path';
import type { AnyOp } from './define.js';

const absolute = (v: unknown, cwd: string): unknown => (typeof v === 'string' && v !== '' && v !== '-' ? resolve(cwd, v) : v);

export function resolveLocalPaths<T>(op: Pick<AnyOp, 'localPaths'>, input: T, cwd: string = process.cwd()): T {
  if (!op.localPaths?.length || input === null || typeof input !== 'object') return input;
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of op.localPaths) {
    const v = out[key];
    if (Array.isArray(v)) out[key] = v.map((x) => absolute(x, cwd));
    else if (v !== undefined) out[key] = absolute(v, cwd);
  }
  return out as T;
}
