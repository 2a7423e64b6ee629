/**
 * Block and shutdown detection over the measurement pipeline's tables, end to end through the
 * CLI. Real data: the OONI series of www.womenonwaves.org from Brazil (911 measurements,
 * test/fixtures/ooni-br-series, CC BY-NC-SA 4.0) written as measurement rows (anomaly -> status
 * blocked at the http layer, else ok). The fixture has no ASN: the same series is stored under
 * two documentation ASNs (AS64496, and AS64497 two hours later) so country corroboration has two
 * networks to agree; that labelling is ours. And the real bucket sample (89 measurements)
 * ingested as a user would, whose volume is far too small to judge: "insufficient", not silence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { openStore, type MeasurementRecord } from '../../src/store/index.js';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'detect-measure.duckdb');

interface Row {
  anomaly: boolean | null;
  measurement_start_time: string;
  input: string;
}

function records(rows: Row[], asn: string, shiftHours: number): MeasurementRecord[] {
  return rows.map((r, i) => {
    const blocked = r.anomaly === true;
    const at = new Date(Date.parse(`${r.measurement_start_time.replace(' ', 'T')}Z`) + shiftHours * 3_600_000).toISOString();
    return {
      id: `br-fixture-${asn}-${i}`,
      measurement_uid: null,
      report_id: null,
      input: r.input,
      probe_cc: 'BR',
      probe_asn: asn,
      probe_network_name: null,
      resolver_asn: null,
      test_name: 'web_connectivity',
      test_version: null,
      software_name: null,
      software_version: null,
      platform: null,
      measurement_start_time: at.replace('T', ' ').replace('Z', ''),
      target: 'www.womenonwaves.org',
      anomaly: blocked,
      confirmed: false,
      failure: false,
      blocking_general: blocked ? 1 : 0,
      blocking_type: null,
      status: blocked ? 'blocked' : 'ok',
      layers: blocked ? ['http'] : [],
      mechanism: null,
      rules: [],
      evidence: [],
      file_id: 'br-fixture',
      line: i + 1,
      byte_offset: 0,
      byte_length: 0,
    };
  });
}

const json = async (args: string[], code = 0) => {
  const r = await cli([...args, '--json', '--db', db]);
  expect(r.code, r.err).toBe(code);
  return JSON.parse(r.out);
};

beforeAll(async () => {
  const rows = JSON.parse(readFileSync(packagePath('test', 'fixtures', 'ooni-br-series', 'detector_query_ww_BR_2018.json'), 'utf8')) as Row[];
  const store = await openStore(db);
  await store.measure.writeBatch([...records(rows, 'AS64496', 0), ...records(rows, 'AS64497', 2)], [], '2026-01-02T00:00:00Z');
  await store.close();
}, 120_000);
afterAll(() => t.cleanup());

describe('block detector on the stored Brazil series', () => {
  it('finds the March 2019 onset on both networks as one country detection at the http layer', async () => {
    const r = await json(['detect', '--kind', 'block', '--cc', 'BR']);
    expect(r.items).toHaveLength(1);
    const d = r.items[0];
    expect(d).toMatchObject({
      kind: 'block',
      scope: 'country',
      probe_cc: 'BR',
      target: 'www.womenonwaves.org',
      layer: 'http',
      networks: ['AS64496', 'AS64497'],
      end: null,
    });
    expect(d.start).toMatch(/^2019-03-0/);
    expect(d.strength.measurements).toBeGreaterThan(500);
    expect(d.evidence_query.api).toMatch(/^\/api\/measurements\?cc=BR&target=www.womenonwaves.org&since=2019-03-0/);
    expect(r.series.filter((s: { layer: string }) => s.layer === 'http').map((s: { state: string }) => s.state)).toEqual(['blocked', 'blocked']);
  });

  it('--emit makes a block draft once; --asn gives the network-level detection', async () => {
    const first = await json(['detect', '--kind', 'block', '--cc', 'BR', '--emit']);
    expect(first.emitted.created).toBe(1);
    expect((await json(['detect', '--kind', 'block', '--cc', 'BR', '--emit'])).emitted.created).toBe(0);
    const ev = await json(['events', 'show', first.items[0].id]);
    expect(ev).toMatchObject({
      status: 'draft',
      category: 'block',
      subtype: 'website',
      networks: ['AS64496', 'AS64497'],
      targets: [{ kind: 'domain', name: 'www.womenonwaves.org' }],
    });
    const one = await json(['detect', '--kind', 'block', '--cc', 'BR', '--asn', 'AS64496']);
    expect(one.items.map((x: { scope: string; probe_asn: string }) => [x.scope, x.probe_asn])).toEqual([['network', 'AS64496']]);
  });

  it('the volume of this series (a few measurements a day) is too small to judge shutdowns: insufficient, with the reason', async () => {
    const r = await json(['detect', '--kind', 'shutdown', '--cc', 'BR']);
    expect(r.items).toEqual([]);
    expect(r.series).toHaveLength(2);
    for (const s of r.series) expect(s).toMatchObject({ status: 'insufficient', reason: expect.stringMatching(/median of at least 5/) });
  });
});

describe('on real ingested OONI measurements (bucket sample)', () => {
  it('judges every series or says why not, and finds no event in 89 scattered measurements', async () => {
    const dir = join(t.dir, 'sample.duckdb');
    const ing = await cli(['ingest', packagePath('test', 'fixtures', 'ooni', 'bucket-sample'), '--json', '--db', dir]);
    expect([0, 3]).toContain(ing.code);
    const r = await cli(['detect', '--json', '--db', dir]);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.items).toEqual([]);
    expect(out.series.length).toBeGreaterThan(10);
    expect(
      out.series
        .filter((s: { kind: string; status: string }) => s.kind !== 'throttling')
        .every((s: { status: string; reason: string | null }) => s.status === 'ok' || (s.status === 'insufficient' && s.reason)),
    ).toBe(true);
  });
});
