/**
 * Webhooks under `serve` alone (no watch): a write through the API queues the notices it makes at
 * once (a draft emitted by detect.run, the same event confirmed a moment later: both notices),
 * and the server's delivery pump sends what is due and retries what failed, as the watch's does.
 * Data: the IranCell outage (test/fixtures/outages, IODA, CC BY 3.0), detected over the API.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { DEFAULT_DELIVERY_POLICY, httpSender, startDeliveryPump } from '../../src/watch/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';
import { Receiver } from '../helpers/receiver.js';
import { systemClock } from '../../src/shared/index.js';

const t = tempDir();
const db = join(t.dir, 'serve-hooks.duckdb');
const IODA = join(import.meta.dirname, '../fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const ok = new Receiver();
const failing = new Receiver();
let store: Store;

beforeAll(async () => {
  await ok.start();
  failing.mode = 'fail';
  await failing.start();
  expect((await cli(['signals', 'import', '--cc', 'IR', IODA, '--db', db])).code).toBe(0);
  for (const url of [ok.url, failing.url]) expect((await cli(['hooks', 'add', url, '--db', db])).code).toBe(0);
  store = await openStore(db);
}, 120_000);
afterAll(async () => {
  await store.close();
  await ok.stop();
  await failing.stop();
  t.cleanup();
});

describe('webhooks under serve', () => {
  it('a draft emitted and confirmed over the API, with no pass in between, has both its notices queued; the pump sends them and retries the failing receiver', async () => {
    const { token } = await appWithToken(store, db);
    // the server's own clock, as serve runs it: the subscriptions were made a moment ago
    const app = createApp({ store, clock: systemClock, dbPath: db });
    const post = (path: string, body: unknown) =>
      app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    // the ops endpoint answers NDJSON: progress lines, then the result
    const lines = (await (await post('/api/_ops/detect.run', { kind: 'outage', asn: 'AS44244', emit: true })).text()).trimEnd().split('\n');
    const detected = (JSON.parse(lines.at(-1)!) as { result: { emitted: { ids: string[] } } }).result;
    const id = detected.emitted.ids[0]!;
    expect((await post(`/api/events/${id}/confirm`, { reason: 'checked against IODA' })).status).toBe(200);
    // no watch and no `hooks deliver`: the pump serve runs queues both notices and sends them
    const pump = startDeliveryPump(
      { store, clock: systemClock, send: httpSender, log: () => {} },
      { everyMs: 50, enqueue: { origin: () => 'http://127.0.0.1:8787' } },
      { ...DEFAULT_DELIVERY_POLICY, backoffMs: 200 },
    );
    try {
      for (let i = 0; i < 200 && (ok.got.length < 2 || failing.got.length < 4); i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await pump.stop();
    }
    const queued = (await store.watch.listDeliveries({ limit: 100 })).filter((d) => d.event_id === id);
    expect(queued.map((d) => d.notice).sort()).toEqual(['confirmed', 'confirmed', 'draft', 'draft']);
    expect(ok.got.map((g) => (JSON.parse(g.body) as { type: string }).type).sort()).toEqual(['event.confirmed', 'event.draft']);
    // the failing receiver was retried on its backoff, with no one running a pass by hand
    const failed = queued.filter((d) => d.status !== 'delivered');
    expect(failed).toHaveLength(2);
    for (const d of failed) expect(d.attempts).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
