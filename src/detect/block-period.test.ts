/**
 * A country block's period, its counted measurements and its evidence window agree: the period
 * reaches the last offset of the networks it counts, so no counted hour lies outside it.
 * SYNTHETIC hourly TLS scores (one measurement an hour, ok 0 or likely_blocked 0.7), the shape of
 * the tester's UZ series, served by a stub store with the real store's series totals.
 */
import { describe, expect, it } from 'vitest';
import { activeBlockHours, blockSeriesTotals } from '../../test/helpers/block-series.js';
import type { BlockHourRow, Store } from '../store/index.js';
import { DEFAULT_BLOCK_RUN_PARAMS, runBlock } from './block-run.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-02-28T00:00:00Z');

const stub = (rows: BlockHourRow[]): Store =>
  ({
    detect: {
      blockSeries: async (_f: unknown, above: number) => blockSeriesTotals(rows, above),
      blockHours: async (_f: unknown, a?: { above: number; minHours: number }) => activeBlockHours(rows, a),
      hasMeasurements: async () => rows.length > 0,
    },
  }) as unknown as Store;

/** SYNTHETIC: one network's hours from T0, each segment [hours, score] (score null = no measurement). */
function net(asn: string, segments: [number, number | null][]): BlockHourRow[] {
  const out: BlockHourRow[] = [];
  let h = 0;
  for (const [n, score] of segments)
    for (let i = 0; i < n; i++, h++)
      if (score !== null)
        out.push({
          probe_cc: 'UZ',
          probe_asn: asn,
          target: 'example.com',
          t: T0 + h * HOUR,
          n: 1,
          dns: 0,
          tcp: 0,
          tls: score,
          http: 0,
          example: `m-${asn}-${h}`,
        });
  return out;
}

describe('a country block period', () => {
  it('covers every blocked hour it counts: a network blocked right after another is inside the period, not after its end', async () => {
    const rows = [
      // AS64521: ok 24 h, blocked 30 h, ok 60 h
      ...net('AS64521', [
        [24, 0],
        [30, 0.7],
        [60, 0],
      ]),
      // AS64522: ok 54 h, blocked 15 h, no data 20 h, blocked 10 h, ok 40 h
      ...net('AS64522', [
        [54, 0],
        [15, 0.7],
        [20, null],
        [10, 0.7],
        [40, 0],
      ]),
    ];
    const r = await runBlock(stub(rows), { cc: 'UZ' }, DEFAULT_BLOCK_RUN_PARAMS);
    expect(r.detections).toHaveLength(1);
    const d = r.detections[0]!;
    const end = Date.parse(d.end!);
    const until = Date.parse(d.evidence_query.params.until!);
    for (const p of d.per_network as { asn: string; onset: string; offset: string | null; measurements: number }[]) {
      expect(Date.parse(p.onset), p.asn).toBeGreaterThanOrEqual(Date.parse(d.start));
      expect(Date.parse(p.offset!), p.asn).toBeLessThanOrEqual(end);
      // the counted measurements are the blocked hours inside the evidence window
      const blocked = rows.filter((x) => x.probe_asn === p.asn && x.tls > 0 && x.t >= Date.parse(d.start) && x.t <= until).length;
      expect(p.measurements, p.asn).toBe(blocked);
    }
    expect(d.strength.measurements).toBe(55);
  });
});
