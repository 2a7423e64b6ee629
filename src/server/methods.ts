/**
 * A known path asked with a method it does not take is a 405 naming the methods it does
 * (`Allow`, RFC 9110 §15.5.6), before any token check: `DELETE /api/events` is not "no route",
 * and not a 401 asking for a token to use a route that does not exist. The methods are read from
 * the app's own route table at request time, so every route, a new one included, is covered.
 *
 * Guarantees: a path no route matches is left alone (404 as before); HEAD counts as GET; a
 * middleware (method ALL) is never counted as a route.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { AppError } from '../shared/index.js';
import type { Env } from './deps.js';
import { problemResponse } from './problem.js';

type Pattern = { method: string; re: RegExp };

/** A hono route path ('/api/events/:id', '/api/registry/decisions/:number{.+}') as a whole-path pattern. */
export function pathPattern(path: string): RegExp {
  const src = path
    .split(/(:\w+(?:\{[^}]*\})?|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      const param = /^:\w+(?:\{([^}]*)\})?$/.exec(part);
      if (param) return param[1] ? `(?:${param[1]})` : '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${src}/?$`);
}

export function methodGuard(app: Hono<Env>): MiddlewareHandler<Env> {
  let patterns: Pattern[] | null = null;
  const table = () =>
    (patterns ??= app.routes
      .filter((r) => r.method !== 'ALL' && r.path !== '*' && !r.path.endsWith('/*'))
      .map((r) => ({ method: r.method, re: pathPattern(r.path) })));
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const found = table().filter((p) => p.re.test(c.req.path));
    if (!found.length || found.some((p) => p.method === method)) return next();
    const taken = new Set(found.map((p) => p.method));
    if (taken.has('GET')) taken.add('HEAD');
    const allow = [...taken].sort();
    const res = problemResponse(c, new AppError('METHOD_NOT_ALLOWED', `${c.req.method} is not a method of ${c.req.path}; it takes ${allow.join(', ')}`));
    res.headers.set('allow', allow.join(', '));
    return res;
  };
}
