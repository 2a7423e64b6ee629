/** HEAD answers carry the header fields GET does (security headers, ETag, Cache-Control), with no body. */
import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../test/helpers/index.js';

const env = appOnTempStore();
const names = (r: Response) => [...r.headers.keys()].filter((k) => k !== 'date').sort();

describe('HEAD', () => {
  it('answers a JSON route with the GET headers, an error with the problem headers, and no body', async () => {
    for (const path of ['/api/events?limit=7', '/healthz', '/api/events?limit=0']) {
      const get = await env.app.request(path);
      const head = await env.app.request(path, { method: 'HEAD' });
      expect(head.status).toBe(get.status);
      expect(names(head)).toEqual(names(get));
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
      expect(await head.text()).toBe('');
    }
    const head = await env.app.request('/api/events?limit=7', { method: 'HEAD' });
    expect(head.headers.get('x-frame-options')).toBe('DENY');
    expect(head.headers.get('cache-control')).toBeTruthy();
  });
});
