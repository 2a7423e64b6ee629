/**
 * API tokens. A token is shown once at creation and only its SHA-256 hash is stored.
 * Format: spl_<id>_<secret>; the id locates the row, the hash of the whole token authenticates
 * it (compared in constant time).
 * Scopes are defined in shared/access.ts. Every token records who created it and when; revocation records who and when.
 * A token may end (expiresAt): after that instant it is refused as a revoked one is.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, SCOPES, type Clock, type Scope } from '../shared/index.js';
import type { Store, TokenRecord } from '../store/index.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const scopeParts = (input: string | readonly string[]) =>
  (typeof input === 'string' ? input.split(',') : input).map((s) => s.trim().toLowerCase()).filter(Boolean);

/** Why "read,write" / ["import"] is not a list of scopes (an unknown one, or none), or null when it is. */
export function scopesProblem(input: string | readonly string[]): string | null {
  const parts = scopeParts(input);
  const bad = parts.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (!bad.length && parts.length) return null;
  return `${bad.length ? `unknown scope ${bad.map((b) => `"${b}"`).join(', ')}` : 'give at least one scope'}: use ${SCOPES.join(', ')}`;
}

/** Parse "read,write" / ["import"] into a sorted, de-duplicated scope list; VALIDATION naming `scopes` on an unknown one. */
export function parseScopes(input: string | readonly string[]): Scope[] {
  const problem = scopesProblem(input);
  if (problem) throw new AppError('VALIDATION', `scopes: ${problem}`, { issues: [{ path: ['scopes'], message: problem }] });
  const parts = scopeParts(input);
  return SCOPES.filter((s) => parts.includes(s));
}

/** A token as answers show it (never its hash), keys in snake_case as every other answer's. */
export interface ShownToken {
  id: string;
  name: string;
  scopes: string[];
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  revoked_by: string | null;
  last_used_at: string | null;
  expires_at: string | null;
}

const shown = (t: TokenRecord): ShownToken => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  created_at: t.createdAt,
  created_by: t.createdBy,
  revoked_at: t.revokedAt,
  revoked_by: t.revokedBy,
  last_used_at: t.lastUsedAt,
  expires_at: t.expiresAt,
});

export async function createToken(
  deps: { store: Store; clock: Clock },
  name: string,
  opts: { scopes: readonly string[]; createdBy: string; expiresAt?: string | null },
): Promise<{ token: string; record: ShownToken }> {
  if (!name.trim()) throw new AppError('VALIDATION', 'a token needs a name', { issues: [{ path: ['name'], message: 'required' }] });
  const scopes = parseScopes(opts.scopes);
  const now = deps.clock.now();
  if (opts.expiresAt && !(Date.parse(opts.expiresAt) > now.getTime())) {
    throw new AppError('VALIDATION', `expires: ${opts.expiresAt} is not in the future`, { issues: [{ path: ['expires'], message: 'not in the future' }] });
  }
  const id = randomBytes(6).toString('hex');
  const token = `spl_${id}_${randomBytes(24).toString('base64url')}`;
  const record: TokenRecord = {
    id,
    name: name.trim(),
    hash: hash(token),
    scopes,
    createdAt: now.toISOString(),
    createdBy: opts.createdBy,
    revokedAt: null,
    revokedBy: null,
    lastUsedAt: null,
    expiresAt: opts.expiresAt ? new Date(opts.expiresAt).toISOString() : null,
  };
  await deps.store.tokens.insert(record);
  return { token, record: shown(record) };
}

/** How often a token's last-used time is written at most (one write per token per interval). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Resolve a presented token: UNAUTHORIZED when absent, FORBIDDEN when wrong, revoked or expired.
 * The last-used time is recorded in the background (never delays the request, never changes
 * the store's data version) and at most once a minute per token.
 */
export async function verifyToken(deps: { store: Store; clock: Clock }, presented: string | undefined): Promise<TokenRecord> {
  if (!presented)
    throw new AppError('UNAUTHORIZED', 'this request needs a token: Authorization: Bearer <token> (create one with `splinternet tokens create --scope ...`)');
  const m = /^spl_([0-9a-f]{12})_[A-Za-z0-9_-]+$/.exec(presented);
  const rec = m?.[1] ? await deps.store.tokens.get(m[1]) : null;
  const ok = rec !== null && timingSafeEqual(Buffer.from(rec.hash, 'hex'), Buffer.from(hash(presented), 'hex'));
  if (!rec || !ok) throw new AppError('FORBIDDEN', 'the token is not valid');
  if (rec.revokedAt) throw new AppError('FORBIDDEN', `the token "${rec.name}" was revoked at ${rec.revokedAt}`);
  const now = deps.clock.now();
  if (rec.expiresAt && now.getTime() > Date.parse(rec.expiresAt)) throw new AppError('FORBIDDEN', `the token "${rec.name}" expired at ${rec.expiresAt}`);
  if (!rec.lastUsedAt || now.getTime() - Date.parse(rec.lastUsedAt) >= TOUCH_EVERY_MS) {
    void deps.store.tokens.touch(rec.id, now.toISOString()).catch(() => undefined);
  }
  return rec;
}

export async function listTokens(deps: { store: Store }): Promise<ShownToken[]> {
  return (await deps.store.tokens.list()).map(shown);
}

export async function revokeToken(deps: { store: Store; clock: Clock }, id: string, by: string): Promise<void> {
  const rec = await deps.store.tokens.get(id);
  if (!rec) throw new AppError('NOT_FOUND', `no token with id "${id}"`);
  if (rec.revokedAt) throw new AppError('CONFLICT', `token ${id} is already revoked`);
  await deps.store.tokens.revoke(id, deps.clock.now().toISOString(), by);
}
