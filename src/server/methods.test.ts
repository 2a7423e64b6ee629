/** A known path asked with a method it does not take: 405 with Allow, before any token is asked for. */
import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../test/helpers/index.js';
import { pathPattern } from './methods.js';

const env = appOnTempStore();

describe('405 Method Not Allowed with Allow', () => {
  it('reads hono paths, parameters and rest parameters included', () => {
    expect(pathPattern('/api/events/:id').test('/api/events/ru-2018-telegram-block')).toBe(true);
    expect(pathPattern('/api/events/:id').test('/api/events/a/b')).toBe(false);
    expect(pathPattern('/api/registry/decisions/:number{.+}').test('/api/registry/decisions/2-1779/2018')).toBe(true);
  });

  it('each known path with another method, with and without a token: 405, Allow listing what it takes', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/api/events', 'GET, HEAD, POST'],
      ['PATCH', '/api/events/ru-2018-telegram-block', 'GET, HEAD, PUT'],
      ['GET', '/api/_ops/db.info', 'POST'],
      ['POST', '/feeds/events.atom', 'GET, HEAD'],
      ['OPTIONS', '/api/events', 'GET, HEAD, POST'],
    ] as const) {
      for (const auth of [{}, { authorization: `Bearer ${env.token}` }] as Record<string, string>[]) {
        const res = await env.app.request(path, { method, headers: auth });
        expect([method, path, res.status, res.headers.get('allow'), res.headers.get('content-type')]).toEqual([
          method,
          path,
          405,
          allow,
          'application/problem+json',
        ]);
      }
    }
  });

  it('a path no route has is still a 404; a method the path takes is answered', async () => {
    expect((await env.app.request('/api/nowhere')).status).toBe(404);
    expect((await env.app.request('/api/events')).status).toBe(200);
    expect((await env.app.request('/api/events', { method: 'HEAD' })).status).toBe(200);
  });
});
