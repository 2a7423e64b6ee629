/**
 * createApp(deps): the whole HTTP surface as a Hono app, testable with app.request() and no
 * port. Errors become problem+json here and nowhere else.
 */
import { healthOf } from './health.js';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import { AppError, type ErrorCode } from '../shared/index.js';
import { secureHeaders } from 'hono/secure-headers';
import { apiGuard, costBudget, presentedTokenGuard } from './auth.js';
import { methodGuard } from './methods.js';
import { limitsOf } from './limits.js';
import { heavyRateLimit } from './rate-limit.js';
import { hostGuard, SECURE_HEADERS } from './hardening.js';
import { headAsGet } from './head.js';
import { responseCache } from './cache.js';
import type { AppDeps } from './deps.js';
import { mountOps } from './mount.js';
import { documentAccess, newRouter } from './openapi.js';
import { documentPlainRoutes } from './plain-routes-doc.js';
import { ALL_OPS } from './ops/index.js';
import { problemResponse } from './problem.js';
import { docsRoutes } from './routes/docs.js';
import { eventRoutes } from './routes/events.js';
import { opsRoutes } from './ops/endpoint.js';
import { exportRoutes, feedRoutes } from './routes/export.js';
import { uploadRoutes } from './routes/uploads.js';
import { staticWeb } from './static.js';
import { strictBody } from './validate.js';
import { isJsonMediaType, MAX_BODY_BYTES, notJsonError, takesJsonBody } from './body-rule.js';

export { MAX_BODY_BYTES } from './body-rule.js';

const HTTP_CODES: Record<number, ErrorCode> = {
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
};

export function createApp(deps: AppDeps) {
  const app = newRouter();
  // Security headers on every response (cached ones included), then the Host allow-list.
  app.use('*', secureHeaders(SECURE_HEADERS));
  app.use('*', hostGuard(deps));
  // A known path with another method: 405 and Allow, before any token is asked for (methods.ts).
  app.use('*', methodGuard(app));
  // Outside /api a token is never needed, but one presented must be valid (auth.ts).
  app.use('*', presentedTokenGuard(deps));
  // Cached GETs are answered before anything else runs (see cache.ts); GET routes are public.
  app.use('/api/*', responseCache(deps));
  // Every non-GET under /api: token and scope (auth.ts), before any body is read.
  app.use('/api/*', apiGuard(deps));
  // Anonymous heavy requests: a per-client rate limit, and a cost-work budget before any work.
  const limits = limitsOf(deps.limits);
  app.use('/api/*', heavyRateLimit(deps, limits));
  app.use('/api/*', costBudget(deps, limits));
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `the request body is over ${MAX_BODY_BYTES} bytes`);
    },
  });
  // Every body under /api is JSON (body-rule.ts): its declared type (415), its size (413), then its
  // charset and bytes (validate.ts strictBody), before any route reads it. GET and HEAD carry no body
  // (reading c.req.raw.body would build a full fetch Request per call); uploads stream their body to
  // a file under their own type and limit (routes/uploads.ts).
  app.use('/api/*', (c, next) => {
    if (!takesJsonBody(c.req.method, c.req.path)) return next();
    const type = c.req.header('content-type');
    if (!isJsonMediaType(type)) throw notJsonError(type);
    return limit(c, () => strictBody(c, next));
  });
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const code = HTTP_CODES[err.status] ?? 'INTERNAL';
      const msg =
        err.status === 400 && /JSON/i.test(err.message)
          ? `malformed JSON body: ${err.message}`
          : err.status === 415
            ? notJsonError(c.req.header('content-type')).message
            : err.message;
      return problemResponse(c, new AppError(code, msg || `HTTP ${err.status}`));
    }
    return problemResponse(c, err);
  });
  app.notFound((c) => problemResponse(c, new AppError('NOT_FOUND', `no route ${c.req.method} ${new URL(c.req.url).pathname}`)));

  app.get('/healthz', async (c) => {
    const h = healthOf(await deps.store.info());
    return c.json(h.body, h.status);
  });
  app.route('/', eventRoutes(deps));
  app.route('/', exportRoutes(deps));
  mountOps(app, deps, ALL_OPS);
  app.route('/', opsRoutes(deps));
  uploadRoutes(app, deps);
  app.route('/', feedRoutes(deps));
  app.route('/', docsRoutes());
  // Last: the dashboard answers only what no route above did (and never /api, /docs).
  if (deps.webRoot) app.use('*', staticWeb(deps.webRoot));

  documentPlainRoutes(app, ALL_OPS);
  documentAccess(app);
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  // Every route is registered by now, so the document is generated once, on its first request,
  // and the same document answers every later one (the dashboard asks for it on each page load).
  let openapi: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get('/openapi.json', (c) => {
    try {
      openapi ??= app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Splinternet Observatory API',
          version: '0.1.0',
          description: 'Ledger of state internet controls, measurements, costs and registry analysis. Every figure carries its method, inputs and sources.',
        },
      });
      return c.json(openapi);
    } catch (e) {
      return c.json(e, 500);
    }
  });
  // HEAD is the GET without its body: the same status and header fields (head.ts).
  app.fetch = headAsGet(app.fetch);
  return app;
}
