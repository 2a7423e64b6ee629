// The measurement API on real data: summary, list, one measurement with raw, networks, CSV and
// Parquet exports, validation errors, the ledger evidence link, and ingest through a running server.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../src/ledger/index.js';
import { ingest, linkMeasurementQuery, seedMeasurements } from '../../src/measure/index.js';
import { silentProgress } from '../../src/shared/index.js';
import { appWithToken, clock, runBin, sampleEvent, startServer, tempDir, tempStore } from '../helpers/index.js';
import { OONI_FIXTURES } from '../helpers/ooni.js';

const SAMPLE = join(OONI_FIXTURES, 'bucket-sample');

describe('measurement API', () => {
  let s: Awaited<ReturnType<typeof tempStore>>;
  let app: Awaited<ReturnType<typeof appWithToken>>['app'];
  beforeAll(async () => {
    s = await tempStore();
    app = (await appWithToken(s.store, s.path)).app;
    await ingest({ store: s.store, clock, progress: silentProgress }, { paths: [SAMPLE], workers: 0 });
  });
  afterAll(() => s.cleanup());
  const get = async (path: string) => {
    const r = await app.request(path);
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? ((await r.json()) as Record<string, any>) : null, raw: r };
  };

  it('GET /api/measurements/summary gives per-target counts with method and source', async () => {
    const r = await get('/api/measurements/summary?cc=RU&test_name=telegram');
    expect(r.status).toBe(200);
    expect(r.body!.by_target).toEqual([expect.objectContaining({ probe_cc: 'RU', target: 'telegram', n: 1, anomaly_count: 1, ok: 1, likely_blocked: 0 })]);
    expect(r.body!.cells[0]).toMatchObject({ grain: 'day', probe_asn: 'AS8402', reports: 1 });
    expect(r.body!.method).toMatch(/mutually exclusive/);
    const hour = await get('/api/measurements/summary?cc=RU&grain=hour');
    expect(hour.body!.cells.every((c: { grain: string }) => c.grain === 'hour')).toBe(true);
  });

  it('GET /api/measurements lists, pages and filters by status; /:id returns evidence and raw', async () => {
    const page1 = await get('/api/measurements?limit=5');
    expect(page1.body!.items).toHaveLength(5);
    const page2 = await get(`/api/measurements?limit=5&cursor=${page1.body!.next_cursor as string}`);
    expect(page2.body!.items[0].id).not.toBe(page1.body!.items[0].id);
    const blocked = await get('/api/measurements?cc=IR&status=blocked');
    expect(blocked.body!.items.map((i: { mechanism: string }) => i.mechanism)).toEqual(['dns.injection.blockpage', 'dns.injection.blockpage']);
    const one = await get(`/api/measurements/${blocked.body!.items[0].id as string}`);
    expect(one.status).toBe(200);
    expect(one.body!.raw.probe_cc).toBe('IR');
    expect(one.body!.evidence[0].value).toBe('10.10.34.36');
    expect((await get('/api/measurements/nope')).status).toBe(404);
  });

  it('GET /api/networks?cc=RU names the networks', async () => {
    const r = await get('/api/networks?cc=RU');
    expect(r.body!.items.find((n: { probe_asn: string }) => n.probe_asn === 'AS42668')).toMatchObject({ confirmed_count: 1, measurements: 1 });
    expect(r.body!.items.length).toBe(5);
  });

  it('exports CSV and Parquet with the list fields', async () => {
    const csv = await (await app.request('/api/measurements/export.csv?cc=RU')).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,report_id,input,probe_cc,probe_asn,probe_network_name,test_name,target,measurement_start_time,anomaly,confirmed,failure,status,layers,mechanism,rules,source',
    );
    expect(lines).toHaveLength(6);
    const pq = Buffer.from(await (await app.request('/api/measurements/export.parquet?cc=RU')).arrayBuffer());
    expect(pq.subarray(0, 4).toString()).toBe('PAR1');
  });

  it('rejects bad filters with 400 naming the parameter', async () => {
    const r = await get('/api/measurements/summary?cc=RUS');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/cc/);
    expect((await get('/api/measurements?status=maybe')).status).toBe(400);
  });

  it('an event links a saved measurement query and GET /api/events/:id carries its summary', async () => {
    await createEvent({ store: s.store, clock }, sampleEvent({ id: 'xx-2022-telegram-test', countries: ['RU'] }), { actor: 'test', origin: 'cli' });
    await linkMeasurementQuery({ store: s.store }, 'xx-2022-telegram-test', { cc: 'RU', target: 'telegram', since: '2022-01-01', until: '2022-12-31' });
    const r = await get('/api/events/xx-2022-telegram-test');
    expect(r.body!.links).toEqual([expect.objectContaining({ kind: 'measurement_query', target: 'cc=RU&target=telegram&since=2022-01-01&until=2022-12-31' })]);
    expect(r.body!.measurement_evidence[0].totals).toMatchObject({ n: 1, anomaly_count: 1 });
  });

  it('the seed links the Telegram-block event when the ledger has it', async () => {
    const t = await tempStore();
    try {
      await createEvent({ store: t.store, clock }, sampleEvent({ id: 'ru-2018-telegram-block' }), { actor: 'test', origin: 'cli' });
      const r = await seedMeasurements({ store: t.store, clock, progress: silentProgress });
      expect(r.links).toEqual(['cc=RU&test_name=telegram&target=telegram&since=2018-04-16&until=2022-12-31']);
      expect(r.measurements).toMatchObject({ stored: 89, rejected: 0, reconciled: true });
      const res = await (await appWithToken(t.store, t.path)).app.request('/api/events/ru-2018-telegram-block');
      const ev = (await res.json()) as Record<string, any>;
      expect(ev.measurement_evidence[0].by_target[0]).toMatchObject({ target: 'telegram', anomaly_count: 1 });
    } finally {
      await t.cleanup();
    }
  });
});

describe('ingest while serve runs', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  it('the CLI sends the paths to the server, which ingests them; the API sees the result', async () => {
    const db = join(t.dir, 'served.duckdb');
    const srv = await startServer(db);
    try {
      const r = await runBin(['ingest', SAMPLE, '--json', '--db', db, '--cc', 'RU']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ stored: 5, reconciled: true });
      const s = (await (await fetch(`${srv.url}/api/measurements/summary?cc=RU`)).json()) as { totals: { n: number; confirmed_count: number } };
      expect(s.totals).toMatchObject({ n: 5, confirmed_count: 1 });
    } finally {
      await srv.stop();
    }
  });
});
