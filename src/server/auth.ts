/**
 * Who is calling, and may they. One guard covers every request under /api, so a write route
 * added anywhere is closed by default, and `presentedTokenGuard` covers every other route (feeds,
 * /healthz, /openapi.json, /docs, the dashboard): a bearer token sent there must be valid too.
 * - reads (GET, HEAD): anonymous without a bearer token; a presented token that is not valid
 *   (wrong, revoked, expired) is a 403 on every route, never ignored;
 * - anonymous: 401, except the explicit allow-list ANONYMOUS_WRITES (POST /api/cost, a
 *   read that takes a JSON body; bounded by its own work budget and rate limit);
 * - a token (stored hashed, ledger/tokens.ts) or, for /api/_ops only, the running server's
 *   local secret (full rights: the machine's own user). A wrong or revoked token: 403;
 * - /api/_ops/:name: the op's declared scope (ops/types.ts opScope), checked before the body is
 *   parsed, and again with its input by executeOp (import folders);
 * - /api/_uploads/:name: the upload op's declared scope, a raw (application/octet-stream) body;
 * - any other non-GET route: the "write" scope.
 * Browsers are kept out of /api/_ops (JSON bodies only, body-rule.ts, and an Origin, when sent,
 * must be this server's), so no web page can fire operations at a local server.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { verifyToken } from '../ledger/index.js';
import { AppError, ANONYMOUS, assertScope, parseDecimal, type Grant } from '../shared/index.js';
import type { AppDeps, Env } from './deps.js';
import { assertCostWork, PRICED_PATHS, type Limits } from './limits.js';
import { opScope } from '../op/index.js';
import { findOp, OPS } from './ops/index.js';
import { UPLOAD_OPS, UPLOADS_PATH } from './routes/uploads.js';

/** Non-GET requests that need no token. Everything else under /api needs one. */
export const ANONYMOUS_WRITES: readonly { method: string; path: RegExp }[] = [{ method: 'POST', path: /^\/api\/cost\/?$/ }];

export function bearer(c: Context): string | undefined {
  const h = c.req.header('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The caller's grant: anonymous when no token is presented; 403 for a wrong or revoked one.
 * `allowSecret` admits the local CLI's per-run secret (full rights).
 */
export async function identify(c: Context<Env>, deps: AppDeps, allowSecret = false): Promise<Grant> {
  const presented = bearer(c);
  if (!presented) return ANONYMOUS;
  if (allowSecret && deps.opsSecret && sameSecret(presented, deps.opsSecret)) return { actor: 'cli-via-server', scopes: ['admin'], files: 'any' };
  const tok = await verifyToken(deps, presented);
  return { actor: `token:${tok.id}:${tok.name}`, scopes: tok.scopes, files: deps.importDirs ?? [] };
}

/**
 * Routes outside /api need no token, but a bearer token presented to one must be valid (403
 * otherwise, as under /api), so a client holding a revoked or expired token learns it anywhere.
 */
export const presentedTokenGuard =
  (deps: AppDeps): MiddlewareHandler<Env> =>
  async (c, next) => {
    if (!c.req.path.startsWith('/api/') && bearer(c)) await identify(c, deps);
    return next();
  };

const OPS_PATH = /^\/api\/_ops\/([^/]+)$/;

/** A path segment decoded; a malformed escape (`%ZZ`) stays as sent, so it names no op (404, not 500). */
function pathName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

/** The one guard for /api/*: sets c.var.grant and c.var.actor; refuses what the caller may not do. */
export const apiGuard =
  (deps: AppDeps): MiddlewareHandler<Env> =>
  async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') {
      // Reads need no token; a token presented with one must be valid (403 otherwise, as on writes).
      const grant = bearer(c) ? await identify(c, deps) : ANONYMOUS;
      c.set('grant', grant);
      c.set('actor', grant.actor);
      return next();
    }
    const path = c.req.path;
    if (!sameOrigin(c)) throw new AppError('FORBIDDEN', `cross-origin ${method} refused: the Origin ${c.req.header('origin')} is not this server`);
    const opMatch = OPS_PATH.exec(path);
    const uploadMatch = UPLOADS_PATH.exec(path);
    const grant = await identify(c, deps, Boolean(opMatch || uploadMatch));
    c.set('grant', grant);
    c.set('actor', grant.actor);
    if (ANONYMOUS_WRITES.some((w) => w.method === method && w.path.test(path))) return next();
    if (opMatch) {
      // An unknown name needs a token too (then the route answers 404 naming it).
      const name = pathName(opMatch[1]!);
      const op = OPS.get(name);
      assertScope(grant, (op && opScope(op)) ?? 'read', `the operation ${name}`);
      if (!op) findOp(name);
      // the body must be JSON, as on every route that takes one (body-rule.ts, checked before it is read)
    } else if (uploadMatch) {
      // An unknown name needs the import scope too (then the route answers 404 naming the imports).
      const op = UPLOAD_OPS.get(pathName(uploadMatch[1]!));
      assertScope(grant, op ? (opScope(op) ?? 'write') : 'import', `the upload import ${op?.name ?? uploadMatch[1]}`);
      if (!/^application\/octet-stream\b/i.test(c.req.header('content-type') ?? '')) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'uploads take the file as the body: send Content-Type: application/octet-stream');
      }
    } else {
      assertScope(grant, 'write', `${method} ${path}`);
    }
    return next();
  };

/**
 * The cost-work budget of GET cost routes (POST /api/cost checks its parsed scenarios itself):
 * draws x regions asked for, against the anonymous or the token budget (the caller as apiGuard
 * identified it).
 */
export const costBudget =
  (deps: AppDeps, limits: Limits): MiddlewareHandler<Env> =>
  async (c, next) => {
    if (c.req.method !== 'GET' || !PRICED_PATHS.test(c.req.path)) return next();
    // draws that are not a plain decimal count as none here: the op's schema refuses them by name
    const draws = parseDecimal(c.req.query('draws') ?? '') ?? 0;
    const regions = (c.req.queries('region') ?? [])
      .concat(c.req.queries('regions') ?? [])
      .flatMap((r) => r.split(','))
      .filter(Boolean).length;
    const authenticated = c.get('grant').scopes.length > 0;
    assertCostWork(limits, authenticated, draws * Math.max(1, regions), draws);
    return next();
  };
