/**
 * API tokens for writes. A token is shown once at creation and only its SHA-256 hash is stored.
 * Format: spl_<id>_<secret>; the id locates the row, the hash of the whole token authenticates
 * it (compared in constant time).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, type Clock } from '../shared/index.js';
import type { Store, TokenRecord } from '../store/index.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createToken(deps: { store: Store; clock: Clock }, name: string): Promise<{ token: string; record: Omit<TokenRecord, 'hash'> }> {
  if (!name.trim()) throw new AppError('VALIDATION', 'a token needs a name', { issues: [{ path: ['name'], message: 'required' }] });
  const id = randomBytes(6).toString('hex');
  const token = `spl_${id}_${randomBytes(24).toString('base64url')}`;
  const record: TokenRecord = { id, name: name.trim(), hash: hash(token), createdAt: deps.clock.now().toISOString(), revokedAt: null, lastUsedAt: null };
  await deps.store.tokens.insert(record);
  const { hash: _h, ...shown } = record;
  return { token, record: shown };
}

/** Resolve a presented token: UNAUTHORIZED when absent, FORBIDDEN when wrong or revoked. */
export async function verifyToken(deps: { store: Store; clock: Clock }, presented: string | undefined): Promise<TokenRecord> {
  if (!presented) throw new AppError('UNAUTHORIZED', 'this request writes and needs a token: Authorization: Bearer <token> (create one with `splinternet tokens create`)');
  const m = /^spl_([0-9a-f]{12})_[A-Za-z0-9_-]+$/.exec(presented);
  const rec = m?.[1] ? await deps.store.tokens.get(m[1]) : null;
  const ok = rec !== null && timingSafeEqual(Buffer.from(rec.hash, 'hex'), Buffer.from(hash(presented), 'hex'));
  if (!rec || !ok) throw new AppError('FORBIDDEN', 'the token is not valid');
  if (rec.revokedAt) throw new AppError('FORBIDDEN', `the token "${rec.name}" was revoked at ${rec.revokedAt}`);
  await deps.store.tokens.touch(rec.id, deps.clock.now().toISOString());
  return rec;
}

export async function listTokens(deps: { store: Store }) {
  return (await deps.store.tokens.list()).map(({ hash: _h, ...t }) => t);
}

export async function revokeToken(deps: { store: Store; clock: Clock }, id: string): Promise<void> {
  const rec = await deps.store.tokens.get(id);
  if (!rec) throw new AppError('NOT_FOUND', `no token with id "${id}"`);
  if (rec.revokedAt) throw new AppError('CONFLICT', `token ${id} is already revoked`);
  await deps.store.tokens.revoke(id, deps.clock.now().toISOString());
}
