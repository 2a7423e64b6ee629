/**
 * Per-client rate limit for anonymous heavy requests (cost pricing, exports), with the
 * maintained hono-rate-limiter (fixed window, in memory). Token holders are not limited here
 * (their work is bounded by the cost budget); requests that did not come over a socket
 * (in-process app.request, the warm-up) have no client to count and pass. Cached answers are
 * served before this runs and do not count.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError } from '../shared/index.js';
import type { Env } from './deps.js';
import { HEAVY_PATHS, type Limits } from './limits.js';

function clientAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function heavyRateLimit(limits: Limits): MiddlewareHandler<Env> {
  const limiter = rateLimiter<Env>({
    windowMs: limits.heavyWindowMs,
    limit: limits.heavyPerWindow,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => clientAddress(c) ?? 'in-process',
    handler: (c) => {
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
  return (c, next) => {
    if (!HEAVY_PATHS.test(c.req.path) || c.req.header('authorization') || !clientAddress(c)) return next();
    return limiter(c, next);
  };
}
