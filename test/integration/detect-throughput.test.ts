/**
 * Throttling input (b), OONI network_events, end to end through the CLI and the API: ingest
 * (which reads network_events too), `throughput extract`, `throughput summary`, and
 * `detect --kind throttling` next to the shipped speed tests. The OONI measurements here are a
 * SYNTHETIC fixture derived from a real one (test/fixtures/ooni-throttle-synthetic/SOURCES.md):
 * the shared corpus has no real measurement with network_events from a throttling episode.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { expectOneQuery } from '../helpers/evidence-query.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'throughput.duckdb');
const FIXTURE = packagePath('test', 'fixtures', 'ooni-throttle-synthetic');

type Json = Record<string, any>;
const json = async (args: string[], code = 0): Promise<Json> => {
  const r = await cli([...args, '--json', '--db', db]);
  expect(r.code, r.err).toBe(code);
  return JSON.parse(r.out) as Json;
};
let ingested: Json;

beforeAll(async () => {
  // the fixture holds 3 bad network events: the ingest that extracts them exits 3
  ingested = await json(['ingest', FIXTURE, '--workers', '0'], 3);
}, 120_000);
afterAll(() => t.cleanup());

describe('throughput extraction (network_events)', () => {
  it('ingest reads network_events of the new files and counts the bad events', () => {
    expect(ingested).toMatchObject({ stored: 1600, rejected: 0 });
    expect(ingested.throughput).toMatchObject({ with_events: 1600, with_throughput: 1600, bad_events: 3 });
  });

  it('ingest names the bad events it extracted in its text output and exits 3', async () => {
    const other = tempDir();
    try {
      const odb = join(other.dir, 'text.duckdb');
      const r = await cli(['ingest', FIXTURE, '--workers', '0', '--db', odb]);
      expect(r.code, r.err).toBe(3);
      expect(r.out).toContain(
        'network_events: 1 file(s) read, 1600 measurement(s) with events (1600 timed); bad network events: 3 (missing_num_bytes 1, negative_num_bytes 1, non_monotonic_t 1)',
      );
      expect(r.out).toMatch(/bad event \S+measurements\.jsonl\.gz:12 network_events\[\d+\] \S+ negative_num_bytes/);
      // the rerun reads nothing new and says what the store keeps, as throughput rejects lists it
      const again = await cli(['throughput', 'extract', '--db', odb]);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toContain('bad network events found by this run: 0');
      expect(again.out).toContain('3 bad network event(s) kept from earlier extractions of files not read again: splinternet throughput rejects lists them');
    } finally {
      other.cleanup();
    }
  });

  it('extract is incremental; --force re-reads, lists every bad event with its line and exits 3', async () => {
    expect(await json(['throughput', 'extract'])).toMatchObject({
      files: { total: 0, skipped_unchanged: 1 },
      with_events: 0,
      bad_events: 0,
      bad_events_kept: 3,
    });
    const r = await json(['throughput', 'extract', '--force'], 3);
    expect(r).toMatchObject({
      lines_read: 1600,
      unparsed: 0,
      without_events: 0,
      with_events: 1600,
      with_throughput: 1600,
      bad_events: 3,
      bad_events_kept: 0,
      reconciled: true,
    });
    expect(r.bad_by_reason).toMatchObject({ missing_num_bytes: 1, negative_num_bytes: 1, non_monotonic_t: 1 });
    expect(r.rejects.map((j: Json) => [j.line, j.reason])).toEqual([
      [8, 'missing_num_bytes'],
      [12, 'negative_num_bytes'],
      [14, 'non_monotonic_t'],
    ]);
  });

  it('keeps the bad events: throughput rejects lists them with their measurement', async () => {
    const r = await json(['throughput', 'rejects']);
    expect(r.items.map((j: Json) => j.reason).sort()).toEqual(['missing_num_bytes', 'negative_num_bytes', 'non_monotonic_t']);
    expect(r.items.every((j: Json) => typeof j.measurement_id === 'string')).toBe(true);
    expect(r.counts).toMatchObject({ files: 1, rows: 1600, with_throughput: 1600, bad_events: 3, pending_files: 0 });
  });

  it('a source file that has gone is a failed file (exit 3), and the earlier extraction stays', async () => {
    const other = tempDir();
    try {
      const copy = join(other.dir, 'copy.jsonl.gz');
      copyFileSync(join(FIXTURE, 'measurements.jsonl.gz'), copy);
      const odb = join(other.dir, 'other.duckdb');
      expect((await cli(['ingest', copy, '--workers', '0', '--json', '--db', odb])).code).toBe(3);
      rmSync(copy);
      const r = await cli(['throughput', 'extract', '--force', '--json', '--db', odb]);
      expect(r.code).toBe(3);
      expect(JSON.parse(r.out)).toMatchObject({ files: { total: 1, extracted: 0, failed: 1 } });
      const d = JSON.parse((await cli(['detect', '--kind', 'throttling', '--input', 'ooni_network_events', '--json', '--db', odb])).out) as Json;
      expect(d.series.find((x: Json) => x.probe_asn === null).figures.measurements_with_network_events).toBe(1600);
    } finally {
      other.cleanup();
    }
  });
});

describe('detect --kind throttling with the OONI input', () => {
  it('finds the country episode on abs.twimg.com from 2021-03-10 on three networks, saying its input', async () => {
    const r = await json(['detect', '--kind', 'throttling', '--cc', 'RU']);
    const ooni = r.items.filter((d: Json) => d.input === 'ooni_network_events');
    expect(ooni).toHaveLength(1);
    expect(ooni[0]).toMatchObject({
      kind: 'throttling',
      scope: 'country',
      target: 'abs.twimg.com',
      start: '2021-03-10T00:00:00.000Z',
      end: null,
      start_censored: false,
      networks: ['AS12389', 'AS31133', 'AS8359'],
    });
    expect(ooni[0].strength.slowdown_factor).toBeGreaterThan(10);
    expect(ooni[0].strength.median_throttled_target_kbps).toBeGreaterThan(100);
    expect(ooni[0].strength.median_throttled_target_kbps).toBeLessThan(160);
    expect(ooni[0].evidence_query.cli).toBe('splinternet throughput summary --cc RU --target abs.twimg.com --since 2021-03-10 --until 2021-03-20');
    expectOneQuery(ooni[0].evidence_query);
    const series = (asn: string, target: string) => r.series.find((s: Json) => s.input === 'ooni_network_events' && s.probe_asn === asn && s.target === target);
    expect(series('AS25513', 'abs.twimg.com').figures.verdict).toBe('not_throttled');
    expect(series('AS12389', 'abs.twimg.com').changes).toEqual([
      { day: '2021-03-10', from: 'not_throttled', to: 'throttled', previous_day: '2021-03-09' },
      { day: '2021-03-17', from: 'throttled', to: 'not_throttled', previous_day: '2021-03-16' },
    ]);
    for (const target of ['yandex.ru', 'vk.com', 'ru.wikipedia.org']) expect(series('AS8359', target).figures.verdict).toBe('not_throttled');
    // Nothing is silent: the speed-test input says it has no data, the OONI input what it left out.
    expect(r.series.find((s: Json) => s.input === 'speedtests')).toMatchObject({ status: 'insufficient' });
    expect(r.series.find((s: Json) => s.input === 'ooni_network_events' && s.probe_asn === null).figures).toMatchObject({
      measurements_with_network_events: 1600,
      paired: 1600,
      with_bad_events: 3,
    });
  });

  it('--asn gives the network episode; --input speedtests leaves the OONI input out', async () => {
    const net = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--asn', 'AS12389', '--target', 'abs.twimg.com']);
    expect(net.items.map((d: Json) => [d.scope, d.input, d.start, d.end])).toEqual([
      ['network', 'ooni_network_events', '2021-03-10T00:00:00.000Z', '2021-03-17T00:00:00.000Z'],
    ]);
    const st = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--input', 'speedtests']);
    expect(st.series.every((s: Json) => s.input === 'speedtests')).toBe(true);
    const bad = await cli(['detect', '--kind', 'throttling', '--input', 'pigeons', '--json', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/input/);
  });

  it('throughput summary: per (network, target, day), a congested day is insufficient, not throttled', async () => {
    const r = await json(['throughput', 'summary', '--cc', 'RU', '--asn', 'AS31133', '--target', 'abs.twimg.com']);
    expect(r.items).toHaveLength(20);
    const day = (d: string) => r.items.find((x: Json) => x.day === d);
    expect(day('2021-03-04')).toMatchObject({ verdict: 'insufficient', n: 0 });
    expect(day('2021-03-09')).toMatchObject({ verdict: 'not_throttled', n: 5 });
    expect(day('2021-03-10')).toMatchObject({ verdict: 'throttled', n: 5, share_throttled: 1 });
    expect(day('2021-03-10').median_tls_handshake_ms).toBeGreaterThan(5 * day('2021-03-10').median_control_tls_handshake_ms);
    expect(r).toMatchObject({ input: 'ooni_network_events', measurements_with_network_events: 100, paired: 100 });
    expect(r.sources[0]).toMatchObject({ licence: 'CC BY-NC-SA 4.0' });
  });

  it('runs alongside the shipped speed tests: one detection per input; --emit drafts both once', async () => {
    // The folder of datasets is refused, naming the dataset to import (its licence is its own).
    const parent = await cli(['speedtests', 'import', packagePath('data', 'throttling'), '--db', db, '--json']);
    expect(parent.code).toBe(2);
    expect(parent.err).toMatch(/holds 1 dataset\(s\) with their own source and licence \(russia-twitter-throttle\): import each one/);
    await json(['speedtests', 'import', packagePath('data', 'throttling', 'russia-twitter-throttle')], 3);
    const r = await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--emit']);
    expect(r.items.map((d: Json) => [d.input, d.start.slice(0, 10)])).toEqual([
      ['ooni_network_events', '2021-03-10'],
      ['speedtests', '2021-03-13'],
    ]);
    expect(r.emitted).toMatchObject({ created: 2 });
    expect((await json(['detect', '--kind', 'throttling', '--cc', 'RU', '--emit'])).emitted).toMatchObject({ created: 0, existing: 2 });
  }, 120_000);

  it('API: GET /api/throughput/summary and /api/detections?input=, documented in OpenAPI', async () => {
    const store = await openStore(db);
    try {
      const { app } = await appWithToken(store, db);
      const s = (await (await app.request('/api/throughput/summary?cc=RU&asn=AS8359&target=abs.twimg.com')).json()) as Json;
      expect(s.items.filter((x: Json) => x.verdict === 'throttled')).toHaveLength(11);
      const d = (await (await app.request('/api/detections?kind=throttling&cc=RU&input=ooni_network_events')).json()) as Json;
      expect(d.items.map((x: Json) => x.input)).toEqual(['ooni_network_events']);
      const bad = await app.request('/api/detections?kind=throttling&input=pigeons');
      expect(bad.status).toBe(400);
      expect(await bad.text()).toMatch(/input/);
      const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/api/throughput/summary');
    } finally {
      await store.close();
    }
  });
});
