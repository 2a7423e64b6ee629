/**
 * Write authorisation. Every write needs `Authorization: Bearer <token>`: an API token (stored
 * hashed, see ledger/tokens.ts) or, for /api/_ops only, the running server's local secret.
 * No token -> 401; a wrong or revoked token -> 403.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { verifyToken } from '../ledger/index.js';
import type { AppDeps, Env } from './deps.js';

export function bearer(c: Context): string | undefined {
  const h = c.req.header('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Resolve the writer's identity or throw 401/403. `allowSecret` admits the local CLI. */
export async function requireWriter(c: Context<Env>, deps: AppDeps, allowSecret = false): Promise<string> {
  const presented = bearer(c);
  if (allowSecret && presented && deps.opsSecret && sameSecret(presented, deps.opsSecret)) return 'cli-via-server';
  const tok = await verifyToken(deps, presented);
  return `token:${tok.id}:${tok.name}`;
}

/**
 * Middleware for write routes: non-GET requests must carry a valid token, checked before the
 * body is even parsed (so an anonymous write gets 401, not a validation error).
 */
export const writeGuard = (deps: AppDeps): MiddlewareHandler<Env> => async (c, next) => {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') c.set('actor', await requireWriter(c, deps));
  await next();
};
