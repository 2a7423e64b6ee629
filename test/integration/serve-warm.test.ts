/**
 * `splinternet serve` warms the dashboard's heaviest GETs after it starts (src/server/warm.ts)
 * and reports it on stdout; the real HTTP server then answers them from the cache, compressed
 * when asked, with a validator. A fresh (empty) database: only what works on it is warmed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tempDir } from '../helpers/index.js';

const t = tempDir();
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(join(t.dir, 'warm.duckdb'));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  t.cleanup();
});

describe('serve warm-up', () => {
  it('prints {"warm": ...} once done, then serves the warmed list compressed with an ETag', async () => {
    while (!server.output().includes('"warm"')) await new Promise((r) => setTimeout(r, 100));
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('"warm"'))!;
    const { warm } = JSON.parse(line) as { warm: { warmed: string[]; stopped: string; ms: number } };
    expect(warm.stopped).toBe('done');
    expect(warm.warmed).toContain('/api/events?country=RU');
    const r = await fetch(`${server.url}/api/events?country=RU`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('vary')).toBe('Accept, Accept-Encoding');
    const etag = r.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    // An empty list is under 1 KB: sent as it is.
    const body = (await r.json()) as { items: unknown[]; total: number };
    expect(body).toMatchObject({ items: [], total: 0 });
    const again = await fetch(`${server.url}/api/events?country=RU`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  }, 60_000);
});
