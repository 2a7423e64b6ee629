/** DuckDB implementation of TokenRepo: API tokens, stored as hashes only, with their scopes. */
import type { TokenRecord, TokenRepo } from '../types.js';
import type { DuckDb, Row } from './db.js';

const toToken = (r: Row): TokenRecord => ({
  id: r.id as string,
  name: r.name as string,
  hash: r.hash as string,
  scopes: ((r.scopes as string | null) ?? '').split(',').filter(Boolean),
  createdAt: r.created_at as string,
  createdBy: (r.created_by as string | null) ?? 'unknown',
  revokedAt: (r.revoked_at as string | null) ?? null,
  revokedBy: (r.revoked_by as string | null) ?? null,
  lastUsedAt: (r.last_used_at as string | null) ?? null,
  expiresAt: (r.expires_at as string | null) ?? null,
});

export function duckTokenRepo(db: DuckDb): TokenRepo {
  return {
    insert: (t) =>
      db.tx(async (tx) => {
        await tx.run(
          `INSERT INTO api_tokens (id, name, hash, created_at, revoked_at, last_used_at, scopes, created_by, expires_at)
           VALUES ($1, $2, $3, $4::TIMESTAMPTZ, NULL, NULL, $5, $6, $7::TIMESTAMPTZ)`,
          [t.id, t.name, t.hash, t.createdAt, t.scopes.join(','), t.createdBy, t.expiresAt],
        );
        await db.pauseInTx('tokens', `id=${t.id}`);
      }),
    get: async (id) => {
      const rows = await db.all('SELECT * FROM api_tokens WHERE id = $1', [id]);
      return rows[0] ? toToken(rows[0]) : null;
    },
    list: async () => (await db.all('SELECT * FROM api_tokens ORDER BY created_at')).map(toToken),
    revoke: async (id, at, by) =>
      (await db.run('UPDATE api_tokens SET revoked_at = $2::TIMESTAMPTZ, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL', [id, at, by])) > 0,
    touch: async (id, at) => {
      await db.runUnversioned('UPDATE api_tokens SET last_used_at = $2::TIMESTAMPTZ WHERE id = $1', [id, at]);
    },
  };
}
