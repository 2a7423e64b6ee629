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
import { realpathSync } from 'node:fs';
import { dirname, basename, join, resolve, sep } from 'node:path';
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

/** The real path of `p`, or of its nearest existing ancestor joined with the rest (for paths not yet there). */
function realish(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realish(parent), basename(abs));
  }
}

/** Folders as the real paths a check compares against (symlinks resolved). */
export const realDirs = (dirs: readonly string[]): string[] => dirs.map(realish);

/**
 * FORBIDDEN unless every path resolves (after symlinks) inside one of the grant's folders.
 * Checked before anything is opened, so a refused request stores nothing.
 */
export function assertFileAccess(grant: Grant, paths: readonly string[], what: string): void {
  if (grant.files === 'any' || paths.length === 0) return;
  const dirs = grant.files;
  const outside = paths.filter((p) => {
    const real = realish(p);
    return !dirs.some((d) => real === d || real.startsWith(d.endsWith(sep) ? d : d + sep));
  });
  if (outside.length === 0) return;
  throw new AppError(
    'FORBIDDEN',
    dirs.length
      ? `${what} reads files on the server only inside its import folders (${dirs.join(', ')}); refused: ${outside.join(', ')}`
      : `${what} reads files on the server, and this server has no import folder (start it with --import-dir DIR); refused: ${outside.join(', ')}`,
    { details: { allowed_dirs: [...dirs] } },
  );
}
