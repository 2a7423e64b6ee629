/**
 * Throttling detection acceptance on real data: the shipped Russia Twitter throttle speed tests
 * (data/throttling, CC BY 4.0) imported through the CLI, the throttling detector's per-network
 * verdicts, draft events that a rerun does not duplicate, and a confirmed draft in GET /api/events.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_PARAMS, normaliseQuery, speedTestSummary, summaryItem, throttleDays, wholeDays } from '../../src/detect/index.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'detect.duckdb');
const DATA = packagePath('data', 'throttling', 'russia-twitter-throttle');
let firstImport: Record<string, unknown> & { rejects: { file: string; line: number; reason: string }[] };

const json = async (args: string[], code = 0) => {
  const r = await cli([...args, '--json', '--db', db]);
  expect(r.code, r.err).toBe(code);
  return JSON.parse(r.out);
};

/** Open the database for API calls, then close it so the CLI can take it again. */
async function withApi<T>(fn: (req: (path: string, init?: RequestInit) => Promise<Response>, token: string) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    const { app, token } = await appWithToken(store, db);
    return await fn(async (path, init) => app.request(path, init), token);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  firstImport = await json(['speedtests', 'import', DATA], 3);
}, 120_000);
afterAll(() => t.cleanup());

describe('speedtests import', () => {
  it('imports the shipped dataset with its licence, and reconciles the counts', () => {
    expect(firstImport).toMatchObject({ dataset: 'russia-twitter-throttle', files: 68, lines_read: 40345, stored: 40344, rejected: 1, reconciled: true });
    expect(firstImport.source).toMatchObject({ licence: 'CC BY 4.0', target_host: 'abs.twimg.com' });
    // The one bad row upstream: a negative control speed.
    expect(firstImport.rejects).toEqual([{ file: '2021-03/19.csv', line: 585, reason: 'negative_speed: control_result="-16304.35"' }]);
  });

  it('re-importing replaces the same rows and adds none', async () => {
    const again = await json(['speedtests', 'import', DATA], 3);
    expect(again).toMatchObject({ stored: 40344, replaced: 40344, rejected: 1 });
    const store = await openStore(db);
    expect((await store.speedtests.count()).total).toBe(40344);
    await store.close();
  });

  it('rejects bad files by line (missing column, non-numeric speed, unknown encodings) and exits 3', async () => {
    const r = await json(['speedtests', 'import', packagePath('test', 'fixtures', 'speedtests-bad')], 3);
    expect(r).toMatchObject({ files: 4, lines_read: 9, stored: 3, rejected: 6, reconciled: true });
    expect(r.rejects.map((x: { file: string; line: number; reason: string }) => `${x.file}:${x.line} ${x.reason.split(':')[0]}`)).toEqual([
      '2021-03/13.csv:3 non_numeric_speed',
      '2021-03/13.csv:4 column_count',
      '2021-03/14.csv:1 missing_columns',
      '2021-03/15.csv:2 unknown_encoding',
      '2021-03/16.csv:1 unknown_encoding',
    ]);
  });

  it('refuses a path that does not exist (exit 1, as every importer)', async () => {
    const r = await cli(['speedtests', 'import', join(t.dir, 'nope'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nope: no such file or directory');
  });
});

describe('throttling (acceptance)', () => {
  it('summary: the exact item keys, per network and day', async () => {
    const r = await json(['speedtests', 'summary', '--cc', 'RU', '--asn', 'AS12389']);
    expect(Object.keys(r.items[0]).sort()).toEqual(
      ['as_name', 'asn', 'cc', 'day', 'median_control_kbps', 'median_target_kbps', 'n', 'share_throttled', 'target', 'tests_read', 'verdict'].sort(),
    );
    const day = (d: string) => r.items.find((x: { day: string }) => x.day === d);
    expect(day('2021-03-15')).toMatchObject({ cc: 'RU', asn: 'AS12389', verdict: 'throttled' });
    expect(day('2021-03-15').median_target_kbps).toBeLessThan(day('2021-03-15').median_control_kbps);
    expect(day('2021-05-17').verdict).toBe('not_throttled');
    expect(r.sources[0]).toMatchObject({ licence: 'CC BY 4.0' });
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it("the summary aggregated in the store equals the detector's per-day cells (throttleDays) exactly", async () => {
    const store = await openStore(db);
    try {
      const filters = [
        {},
        { cc: 'RU' },
        { cc: 'RU', asn: 'AS12389' },
        { cc: 'RU', since: '2021-03-10', until: '2021-03-20' },
        { since: '2021-03-13T05:00:00Z', until: '2021-03-14T17:30:00Z' },
      ];
      const params = [DEFAULT_THROTTLE_PARAMS, { ...DEFAULT_THROTTLE_PARAMS, minControlKbps: 300, maxRatio: 0.5 }];
      for (const f of filters) {
        for (const p of params) {
          const q = wholeDays(normaliseQuery(f));
          const targetOf = new Map((await store.speedtests.listSources()).map((x) => [x.dataset, x.targetHost]));
          const stored = await store.speedtests.points({ cc: q.cc, asn: q.asnNumber, since: q.since, until: q.until });
          const points = stored.map((x) => ({ ...x, target: targetOf.get(x.dataset) ?? null }));
          const got = await speedTestSummary(store, f, p);
          expect(got.items.length, JSON.stringify(f)).toBeGreaterThan(0);
          expect(got.items, JSON.stringify({ f, p })).toEqual(throttleDays(points, p).map(summaryItem));
          expect(got.sources.length).toBe(new Set(points.map((x) => x.dataset)).size);
        }
      }
    } finally {
      await store.close();
    }
  });

  it('detect --kind throttling --cc RU: one country detection naming the throttled networks, days and speeds', async () => {
    const r = await json(['detect', '--kind', 'throttling', '--cc', 'RU']);
    expect(r.items).toHaveLength(1);
    const d = r.items[0];
    expect(d).toMatchObject({
      kind: 'throttling',
      scope: 'country',
      probe_cc: 'RU',
      start: '2021-03-13T00:00:00.000Z',
      start_censored: true,
      target: 'abs.twimg.com',
    });
    expect(d.networks).toEqual(expect.arrayContaining(['AS8359', 'AS12389', 'AS16345', 'AS25159', 'AS31213']));
    expect(d.strength.median_throttled_target_kbps).toBeLessThan(200);
    expect(d.strength.slowdown_factor).toBeGreaterThan(10);
    // counts and speeds in the summary are written with grouped thousands, as every other text writes them
    const g = (n: number) => n.toLocaleString('en-US');
    expect(d.strength.tests).toBeGreaterThan(999);
    expect(d.summary).toContain(`${g(d.strength.tests_throttled)} of ${g(d.strength.tests)} counted tests throttled`);
    const net = (asn: string) => r.series.find((s: { probe_asn: string }) => s.probe_asn === asn);
    expect(net('AS8359').figures).toMatchObject({ verdict: 'throttled', days_not_throttled: 0 });
    expect(net('AS25513').figures.verdict).toBe('not_throttled');
    // Fixed-line throttling lifted on 17 May 2021: the verdict change is found in the data.
    expect(net('AS12389').changes.at(-1)).toMatchObject({ day: '2021-05-17', from: 'throttled', to: 'not_throttled' });
  });

  it('a --since window inside the throttling reports the same episode: real onset, same id, the days before read as history', async () => {
    const whole = (await json(['detect', '--kind', 'throttling', '--cc', 'RU'])).items[0];
    for (const since of ['2021-03-20', '2021-04-01', '2021-05-01']) {
      const w = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--since', since]);
      expect(
        w.items.map((d: { id: string; start: string; start_censored: boolean }) => [d.id, d.start, d.start_censored]),
        since,
      ).toEqual([[whole.id, '2021-03-13T00:00:00.000Z', true]]);
    }
    // a window after the episode's networks went quiet holds no detection that ended before it
    const after = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--since', '2021-06-01']);
    expect(after.items).toEqual([]);
  });

  it('says "insufficient" instead of a silent "no event" when a detector has no data', async () => {
    const r = await json(['detect', '--kind', 'shutdown', '--cc', 'RU']);
    expect(r.items).toEqual([]);
    expect(r.series).toEqual([expect.objectContaining({ kind: 'shutdown', status: 'insufficient', reason: expect.stringMatching(/no measurements/) })]);
    const bad = await cli(['detect', '--kind', 'nonsense', '--db', db]);
    expect(bad.code).toBe(2);
  });
});

describe('draft events', () => {
  let id = '';
  it('--emit creates drafts; a rerun creates none', async () => {
    const first = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--emit']);
    expect(first.emitted.created).toBe(1);
    id = first.items[0].id;
    expect(first.items[0].draft).toMatchObject({ id, status: 'draft' });
    const again = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--emit']);
    expect(again.emitted).toMatchObject({ created: 0, existing: 1, existing_by_status: { draft: 1 } });
    const ev = await json(['events', 'show', id]);
    expect(ev).toMatchObject({ status: 'draft', category: 'throttling', countries: ['RU'], start: '2021-03-13', end: null });
    expect(ev.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['detection', 'measurement_query']);
  });

  it('a draft is hidden from GET /api/events until a human confirms it (token and reason required)', async () => {
    await withApi(async (req, token) => {
      const list = async () => (await (await req('/api/events?category=throttling&limit=1000')).json()) as { items: { id: string }[] };
      expect((await list()).items.map((e) => e.id)).not.toContain(id);
      expect(
        (await req(`/api/events/${id}/confirm`, { method: 'POST', body: '{"reason":"checked"}', headers: { 'content-type': 'application/json' } })).status,
      ).toBe(401);
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      expect((await req(`/api/events/${id}/confirm`, { method: 'POST', headers: auth, body: '{"reason":""}' })).status).toBe(400);
      const ok = await req(`/api/events/${id}/confirm`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ reason: 'checked against the speed-test summary' }),
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ id, status: 'active', revision: 2 });
      expect((await list()).items.map((e) => e.id)).toContain(id);
      expect((await req(`/api/events/${id}/dismiss`, { method: 'POST', headers: auth, body: '{"reason":"too late"}' })).status).toBe(409);
      const revs = (await (await req(`/api/events/${id}/revisions`)).json()) as { items: { action: string; reason: string }[] };
      expect(revs.items.map((r) => r.action)).toEqual(['create', 'confirm']);
      const det = (await (await req('/api/detections?kind=throttling&cc=RU')).json()) as { items: { draft: { status: string } }[] };
      expect(det.items[0]!.draft.status).toBe('active');
    });
  });

  it('a dismissed draft is not proposed again', async () => {
    const net = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--asn', 'AS12389', '--emit']);
    expect(net.items.length).toBeGreaterThan(1);
    expect(net.items.every((d: { scope: string }) => d.scope === 'network')).toBe(true);
    const victim = net.items[0].id;
    await json(['events', 'dismiss', victim, '--reason', 'one-day blip']);
    const again = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--asn', 'AS12389', '--emit']);
    expect(again.emitted.created).toBe(0);
    expect(again.emitted.existing_by_status.dismissed).toBe(1);
  });
});

describe('API', () => {
  it('GET /api/speedtests/summary and /api/detections validate their filters', async () => {
    await withApi(async (req) => {
      const s = await req('/api/speedtests/summary?cc=RU&asn=AS8359&since=2021-03-13&until=2021-03-14');
      expect(s.status).toBe(200);
      const body = (await s.json()) as { items: { day: string; verdict: string }[] };
      expect(body.items.map((i) => [i.day, i.verdict])).toEqual([
        ['2021-03-13', 'throttled'],
        ['2021-03-14', 'throttled'],
      ]);
      expect((await req('/api/speedtests/summary?cc=Russia')).status).toBe(400);
      expect((await req('/api/detections?kind=nonsense')).status).toBe(400);
      const doc = (await (await req('/openapi.json')).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/detections', '/api/speedtests/summary', '/api/events/{id}/confirm', '/api/events/{id}/dismiss']),
      );
    });
  });
});
