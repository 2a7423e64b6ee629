/**
 * Who may do what, declared once and checked in one place (the op runner and the HTTP guard).
 *
 * Scopes (a token holds one or more; least privilege):
 * - read:   non-public reads (import rejects, database info); any valid token has it;
 * - write:  ledger edits, confirm/dismiss/retract, detection drafts, measurement links;
 * - import: imports that read files on the server, inside its import folders only;
 * - admin:  everything, including tokens, seed and migrations.
 * The local CLI (in-process, or through the server with the lock file's secret) has `admin`
 * and may read any file the machine's user can.
 */
import { lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { AppError } from './errors.js';

export const SCOPES = ['read', 'write', 'import', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** The caller of an operation: who, with which scopes, and which server folders it may read. */
export interface Grant {
  actor: string;
  scopes: readonly string[];
  /** 'any' for the machine's own user; otherwise the only folders (real paths) server-side file reads may touch. */
  files: 'any' | readonly string[];
}

export const localGrant = (actor: string): Grant => ({ actor, scopes: ['admin'], files: 'any' });
export const ANONYMOUS: Grant = { actor: 'anonymous', scopes: [], files: [] };

/** Whether `scopes` cover `need` (admin implies all; any scope implies read). */
export function scopeAllows(scopes: readonly string[], need: Scope): boolean {
  if (scopes.includes('admin')) return true;
  if (need === 'read') return scopes.some((s) => (SCOPES as readonly string[]).includes(s));
  return scopes.includes(need);
}

/** Throw 401 (anonymous) or 403 (token without the scope) unless `grant` covers `need`. */
export function assertScope(grant: Grant, need: Scope, what: string): void {
  if (scopeAllows(grant.scopes, need)) return;
  if (grant.scopes.length === 0) {
    throw new AppError(
      'UNAUTHORIZED',
      `${what} needs a token with the "${need}" scope: Authorization: Bearer <token> (create one with \`splinternet tokens create --scope ${need}\`)`,
    );
  }
  throw new AppError('FORBIDDEN', `${what} needs the "${need}" scope; this token has ${grant.scopes.join(', ') || 'none'}`, {
    details: { required_scope: need },
  });
}

/**
 * The path the operating system opens for `p`: each segment taken in turn from the real path of
 * the segments before it, so a `..` after a symlink leaves the link's target (as the kernel does),
 * not the folder that holds the link, and a link whose target does not exist yet (a file the op
 * would create through it) counts as its target. Segments that do not exist are joined as written.
 */
function realish(p: string, depth = 0): string {
  const abs = isAbsolute(p) ? p : join(process.cwd(), p);
  let cur = realpathSync('/');
  let missing = false;
  for (const seg of abs.split(sep)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      cur = dirname(cur);
      continue;
    }
    const next = join(cur, seg);
    if (missing) {
      cur = next;
      continue;
    }
    try {
      cur = realpathSync(next);
    } catch {
      // Not there (yet), or a link to nothing: the OS cannot go through it, but would create its target.
      missing = true;
      const link = depth < 40 ? danglingTarget(next) : undefined;
      cur = link === undefined ? next : realish(isAbsolute(link) ? link : join(cur, link), depth + 1);
    }
  }
  return cur;
}

function danglingTarget(p: string): string | undefined {
  try {
    return lstatSync(p).isSymbolicLink() ? readlinkSync(p) : undefined;
  } catch {
    return undefined;
  }
}

/** Folders as the real paths a check compares against (symlinks resolved). */
export const realDirs = (dirs: readonly string[]): string[] => dirs.map((d) => realish(d));

/**
 * FORBIDDEN unless every path resolves (after symlinks) inside one of the grant's folders.
 * Checked before anything is opened, so a refused request stores nothing.
 */
export function assertFileAccess(grant: Grant, paths: readonly string[], what: string): void {
  if (grant.files === 'any' || paths.length === 0) return;
  const dirs = grant.files;
  const nul = paths.find((p) => p.includes('\0'));
  if (nul !== undefined) {
    throw new AppError('VALIDATION', `${what}: a file path holds a NUL byte: ${JSON.stringify(nul)}`, {
      issues: [{ path: [], message: 'NUL byte in a file path' }],
    });
  }
  const outside = paths.filter((p) => {
    const real = realish(p);
    return !dirs.some((d) => real === d || real.startsWith(d.endsWith(sep) ? d : d + sep));
  });
  if (outside.length === 0) return;
  throw new AppError(
    'FORBIDDEN',
    dirs.length
      ? `${what} opens files on the server (reads them, or writes a new one) only inside its import folders (${dirs.join(', ')}); refused: ${outside.join(', ')}`
      : `${what} opens files on the server (reads them, or writes a new one), and this server has no import folder (start it with --import-dir DIR); refused: ${outside.join(', ')}`,
    { details: { allowed_dirs: [...dirs] } },
  );
}
