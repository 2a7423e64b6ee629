/**
 * Per-client rate limit for anonymous heavy requests (cost pricing, exports), with the
 * maintained hono-rate-limiter (fixed window, in memory). Holders of a valid token are not
 * limited here (their work is bounded by the cost budget); any other Authorization header (Basic,
 * a malformed bearer) counts as anonymous, and a wrong or revoked token is a 403 as everywhere.
 * Requests that did not come over a socket (in-process app.request, the warm-up) have no client
 * to count and pass. Cached answers are served before this runs and do not count. A request the
 * route refuses as invalid input (400 VALIDATION: an unknown or mistyped parameter, a bad value,
 * a range or a pricing budget over its limit; each refused before the work) is counted while it
 * runs and given back when answered, so a typo does not use up a client's budget; once a client
 * is over its limit, every heavy request is a 429, a malformed one included. A request refused
 * with 429 is given back as well: the count, and so RateLimit-Remaining, holds only the requests
 * served or being served; a refused request's own RateLimit-Remaining is read after it was given
 * back, so it says what the next answer will.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter } from 'hono-rate-limiter';
import { AppError, isAppError } from '../shared/index.js';
import type { AppDeps, Env } from './deps.js';
import { HEAVY_PATHS, type Limits } from './limits.js';

function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function heavyRateLimit(deps: AppDeps, limits: Limits): MiddlewareHandler<Env> {
  const store = new MemoryStore<Env>();
  const keyOf = (c: Context) => clientAddress(c) ?? 'in-process';
  const limiter = rateLimiter<Env>({
    windowMs: limits.heavyWindowMs,
    limit: limits.heavyPerWindow,
    standardHeaders: 'draft-6',
    keyGenerator: keyOf,
    store,
    // Errors reach here as responses (app.onError); `c.error` is the error behind one.
    skipFailedRequests: true,
    requestWasSuccessful: (c) => !(isAppError(c.error) && c.error.code === 'VALIDATION'),
    // Called only for a request over the limit, after it was counted: the count is given back.
    handler: (c) => {
      store.decrement(keyOf(c));
      const reset = c.res.headers.get('ratelimit-reset') ?? String(Math.ceil(limits.heavyWindowMs / 1000));
      throw new AppError(
        'RATE_LIMITED',
        `too many heavy requests from this client without a token: at most ${limits.heavyPerWindow} per ${limits.heavyWindowMs / 1000} s; retry in ${reset} s, or send a token`,
        {
          details: { retry_after_s: Number(reset) },
        },
      );
    },
  });
  return async (c, next) => {
    if (!HEAVY_PATHS.test(c.req.path) || !clientAddress(c)) return next();
    // apiGuard ran first: a presented token was identified (or refused) there.
    if (c.get('grant').scopes.length > 0) return next();
    await limiter(c, next);
    // a refused request was given back after its headers were set: they say what is left now
    const hits = store.get(keyOf(c))?.totalHits;
    if (hits !== undefined && isAppError(c.error) && c.error.code === 'VALIDATION' && c.res.headers.has('ratelimit-remaining'))
      c.res.headers.set('ratelimit-remaining', String(Math.max(limits.heavyPerWindow - hits, 0)));
  };
}
