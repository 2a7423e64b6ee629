/**
 * The block and shutdown runs on seeded synthetic series served by a stub store: country
 * detections need k networks at once, --asn gives that network's own, and drafts are deterministic.
 */
import { describe, expect, it } from 'vitest';
import { activeBlockHours, blockSeriesTotals } from '../../test/helpers/block-series.js';
import type { BlockHourRow, Store, VolumeHourRow } from '../store/index.js';
import { runBlock, DEFAULT_BLOCK_RUN_PARAMS, minActiveHours } from './block-run.js';
import { draftInput } from './drafts.js';
import { parseEventInput } from '../ledger/index.js';
import { runShutdown } from './shutdown-run.js';
import { kindsFor } from './run.js';
import { runThrottling } from './throttle-inputs.js';
import { blockSeries, DEFAULT_BLOCK_SPEC, volumeSeries } from './synthetic.js';

const HOUR = 3_600_000;
const t0 = DEFAULT_BLOCK_SPEC.t0;

/** A store serving these rows, with the series totals and the active-series filter of the real one. */
function stub(block: BlockHourRow[], volume: VolumeHourRow[]): Store {
  return {
    detect: {
      blockSeries: async (_f: unknown, above: number) => blockSeriesTotals(block, above),
      blockHours: async (_f: unknown, a?: { above: number; minHours: number }) => activeBlockHours(block, a),
      volumeHours: async () => volume,
      hasMeasurements: async () => block.length + volume.length > 0,
    },
  } as unknown as Store;
}

/** Synthetic TLS-layer scores for one (XA, asn, example.org) series with flips at known hours. */
function tlsRows(asn: string, seed: number, flips: number[]): BlockHourRow[] {
  return blockSeries({ ...DEFAULT_BLOCK_SPEC, seed, flips }).map((h) => ({
    probe_cc: 'AQ',
    probe_asn: asn,
    target: 'example.org',
    t: h.t,
    n: h.n,
    dns: 0,
    tcp: 0,
    tls: h.y * h.n,
    http: 0,
    example: `m-${asn}-${h.t}`,
  }));
}

describe('block run', () => {
  const rows = [...tlsRows('AS1', 1, [500]), ...tlsRows('AS2', 2, [503]), ...tlsRows('AS3', 3, [])];

  it('corroborates an onset seen on two networks into one country detection at the tls layer', async () => {
    const r = await runBlock(stub(rows, []), { cc: 'AQ' });
    expect(r.detections).toHaveLength(1);
    const d = r.detections[0]!;
    expect(d).toMatchObject({ kind: 'block', scope: 'country', layer: 'tls', target: 'example.org', networks: ['AS1', 'AS2'], end: null });
    expect(Math.abs(Date.parse(d.start) - (t0 + 500 * HOUR)) / HOUR).toBeLessThanOrEqual(2);
    expect(r.series.find((s) => s.probe_asn === 'AS3')).toMatchObject({ status: 'ok', state: 'ok' });
    // The draft is a valid ledger event.
    expect(parseEventInput(draftInput(d))).toMatchObject({ status: 'draft', category: 'block', subtype: 'website', networks: ['AS1', 'AS2'] });
  });

  it('needs k networks: with k = 3 there is no country detection, with --asn there is a network one', async () => {
    expect((await runBlock(stub(rows, []), { cc: 'AQ' }, { ...DEFAULT_BLOCK_RUN_PARAMS, minNetworks: 3 })).detections).toEqual([]);
    const one = await runBlock(
      stub(
        rows.filter((x) => x.probe_asn === 'AS1'),
        [],
      ),
      { cc: 'AQ', asn: 'AS1' },
    );
    expect(one.detections.map((d) => [d.scope, d.probe_asn])).toEqual([['network', 'AS1']]);
  });

  it('keeps series that cannot alarm in the store (fewer than 11 hours above 0.35 with h = 7), still reporting them', async () => {
    expect(minActiveHours(DEFAULT_BLOCK_RUN_PARAMS)).toEqual({ above: 0.35, minHours: 11 });
    // Ten fully blocked hours cannot pass h = 7 (10 x 0.65 = 6.5): the cut-off loses no detection.
    const ten = Array.from({ length: 30 }, (_, i) => ({
      probe_cc: 'AQ',
      probe_asn: 'AS5',
      target: 'x.org',
      t: t0 + i * HOUR,
      n: 1,
      dns: i < 10 ? 1 : 0,
      tcp: 0,
      tls: 0,
      http: 0,
      example: null,
    }));
    const quiet = await runBlock(stub(ten, []), { asn: 'AS5' });
    expect(quiet.detections).toEqual([]);
    expect(quiet.series).toEqual([
      expect.objectContaining({
        status: 'ok',
        state: 'ok',
        figures: expect.objectContaining({ hours_above_midpoint: 10, note: expect.stringMatching(/no onset possible/) }),
      }),
    ]);
    const eleven = ten.map((r, i) => ({ ...r, dns: i < 11 ? 1 : 0 }));
    expect((await runBlock(stub(eleven, []), { asn: 'AS5' })).detections).toHaveLength(1);
  });

  it('reports short series as insufficient, and gives the same ids on every run', async () => {
    const short = await runBlock(stub(tlsRows('AS9', 4, []).slice(0, 5), []), {});
    expect(short.series[0]).toMatchObject({ status: 'insufficient' });
    const a = await runBlock(stub(rows, []), { cc: 'AQ' });
    const b = await runBlock(stub(rows, []), { cc: 'AQ' });
    expect(a.detections.map((d) => d.id)).toEqual(b.detections.map((d) => d.id));
    expect(a.detections[0]!.id).toMatch(/^det-block-aq-all-\d{10}-[0-9a-f]{8}$/);
  });
});

describe('shutdown run', () => {
  const vol = (asn: string, seed: number, outages: { start: number; hours: number; depth: number }[]): VolumeHourRow[] => {
    const s = volumeSeries({ seed, t0, hours: 24 * 40, base: 30, diurnal: 0.3, outages });
    return Array.from(s.counts, (n, i) => ({ probe_cc: 'AQ', probe_asn: asn, t: t0 + i * HOUR, n })).filter((r) => r.n > 0);
  };

  it('finds a shutdown on two networks at once (zero hours absent from the store count as zero)', async () => {
    const outage = { start: 24 * 30, hours: 10, depth: 1 };
    const r = await runShutdown(stub([], [...vol('AS1', 1, [outage]), ...vol('AS2', 2, [outage]), ...vol('AS3', 3, [])]), { cc: 'AQ' });
    expect(r.detections).toHaveLength(1);
    expect(r.detections[0]).toMatchObject({ kind: 'shutdown', scope: 'country', networks: ['AS1', 'AS2'], start: new Date(t0 + 24 * 30 * HOUR).toISOString() });
    expect(r.detections[0]!.strength).toMatchObject({ level: 'critical', max_depth_pct: 100 });
  });
});

describe('drafts', () => {
  it('skips (and reports) a detection the ledger cannot hold, instead of failing the whole emit', async () => {
    const { emitDrafts } = await import('./drafts.js');
    const rows = [...tlsRows('AS1', 1, [500]), ...tlsRows('AS2', 2, [503])].map((r) => ({ ...r, probe_cc: 'ZZ' }));
    const r = await runBlock(stub(rows, []), {});
    expect(r.detections).toHaveLength(1);
    const written: unknown[] = [];
    const store = {
      ledger: {
        getEvent: async () => null,
        getEvents: async () => [],
        listEvents: async () => [],
        writeEvents: async (w: unknown[]) => void written.push(...w),
      },
    } as unknown as Store;
    const rep = await emitDrafts({ store, clock: { now: () => new Date('2026-01-01T00:00:00Z') }, actor: 'test' }, r.detections);
    expect(rep).toMatchObject({ created: 0, skipped: [{ id: r.detections[0]!.id, reason: expect.stringMatching(/country of AS1, AS2 is unknown \(ZZ\)/) }] });
    expect(written).toEqual([]);
  });

  it('input and target choose the kinds that have them; a kind without that input or target is refused naming the field', () => {
    expect(kindsFor({})).toEqual(['block', 'throttling', 'shutdown', 'outage']);
    expect(kindsFor({ input: 'speedtests' })).toEqual(['throttling']);
    expect(kindsFor({ input: 'outage_signals' })).toEqual(['outage']);
    expect(kindsFor({ kind: 'outage', input: 'outage_signals' })).toEqual(['outage']);
    expect(kindsFor({ target: 'twitter.com' })).toEqual(['block', 'throttling']);
    const refused = (q: Parameters<typeof kindsFor>[0]) => {
      try {
        kindsFor(q);
      } catch (e) {
        return { code: (e as { code: string }).code, message: (e as Error).message, path: (e as { issues: { path: string[] }[] }).issues[0]!.path };
      }
      return null;
    };
    expect(refused({ kind: 'outage', input: 'speedtests' })).toEqual({
      code: 'VALIDATION',
      message: 'input "speedtests" is not an input of kind outage (its inputs: outage_signals)',
      path: ['input'],
    });
    expect(refused({ kind: 'outage', target: 'darknet' })).toEqual({
      code: 'VALIDATION',
      message: 'target applies to kinds block, throttling, not outage',
      path: ['target'],
    });
    expect(refused({ input: 'outage_signals', target: 'x' })).toMatchObject({ code: 'VALIDATION', path: ['target'] });
    expect(refused({ input: 'speedtests', target: 'telegram' })).toEqual({
      code: 'VALIDATION',
      message:
        'target applies to the block detector and the ooni_network_events input of throttling, not to input "speedtests" (a speed-test dataset has one target)',
      path: ['target'],
    });
  });

  it('with a target, throttling runs its OONI input only: the speed tests (one target per dataset) are not read', async () => {
    // SYNTHETIC store: no OONI throughput; reading speed tests fails the test
    const store = {
      speedtests: {
        points: () => Promise.reject(new Error('speed tests read with a target')),
        listSources: () => Promise.reject(new Error('speed tests read with a target')),
      },
      throughput: { points: async () => [], badEventCounts: async () => ({}), counts: async () => ({ pending_files: 0 }) },
    } as unknown as Store;
    const r = await runThrottling(store, { target: 'telegram' });
    expect(r.detections).toEqual([]);
    expect(r.series.map((x) => [x.input, x.target])).toEqual([['ooni_network_events', 'telegram']]);
  });
});
