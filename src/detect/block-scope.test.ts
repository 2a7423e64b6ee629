/**
 * The block run's figures and bounds, on SYNTHETIC hourly series shaped like the RU Telegram
 * series a tester derived from a real measurement (one likely_blocked network joining another's
 * block 30 hours later): a network's row counts that network's own blocked hours, a window reads
 * the history before it, and an open block ends at its own series' data.
 */
import { describe, expect, it } from 'vitest';
import { expectOneQuery } from '../../test/helpers/evidence-query.js';
import { activeBlockHours, blockSeriesTotals } from '../../test/helpers/block-series.js';
import type { BlockHourRow, MeasurementSeriesFilter, Store } from '../store/index.js';
import { runBlock } from './block-run.js';

const HOUR = 3_600_000;
const t0 = Date.UTC(2022, 10, 1);

/** A store that honours the filter (cc, asn, target, since inclusive, until exclusive), as the real one does. */
export function filteringStore(rows: BlockHourRow[]): Store & { asked: MeasurementSeriesFilter[] } {
  const asked: MeasurementSeriesFilter[] = [];
  const pick = (f: MeasurementSeriesFilter) => {
    asked.push(f);
    return rows.filter(
      (r) =>
        (!f.cc || r.probe_cc === f.cc) &&
        (!f.asn || r.probe_asn === f.asn) &&
        (!f.target || r.target === f.target) &&
        (!f.since || r.t >= Date.parse(f.since)) &&
        (!f.until || r.t < Date.parse(f.until)),
    );
  };
  return {
    asked,
    detect: {
      blockSeries: async (f: MeasurementSeriesFilter, above: number) => blockSeriesTotals(pick(f), above),
      blockHours: async (f: MeasurementSeriesFilter, a?: { above: number; minHours: number }) => activeBlockHours(pick(f), a),
      hasMeasurements: async () => rows.length > 0,
    },
  } as unknown as Store & { asked: MeasurementSeriesFilter[] };
}

/** SYNTHETIC: one measurement an hour of `target` on `asn`, likely_blocked (0.7 at http) in [from, to), ok otherwise. */
export function hours(asn: string, count: number, from: number, to: number, target = 'telegram'): BlockHourRow[] {
  return Array.from({ length: count }, (_, i) => ({
    probe_cc: 'RU',
    probe_asn: asn,
    target,
    t: t0 + i * HOUR,
    n: 1,
    dns: 0,
    tcp: 0,
    tls: 0,
    http: i >= from && i < to ? 0.7 : 0,
    example: `${asn}-${i}`,
  }));
}

// AS31133 blocked from the first hour for 40 hours; AS28840 ok for 30 hours, blocked 30-79, then ok.
// (101 hours: the offset needs s- > h, 21 ok hours after a full block with the default edd 20)
const rows = [...hours('AS31133', 100, 0, 40), ...hours('AS28840', 101, 30, 80)];
const at = (h: number) => new Date(t0 + h * HOUR).toISOString();

describe('block run: per-network figures', () => {
  it("a network's row in a country detection counts its own onset-to-offset hours, as its --asn run does", async () => {
    const country = await runBlock(filteringStore(rows), { cc: 'RU' });
    expect(country.detections).toHaveLength(1);
    const d = country.detections[0]!;
    const row = d.per_network.find((x) => x.asn === 'AS28840')!;
    const own = (await runBlock(filteringStore(rows), { cc: 'RU', asn: 'AS28840' })).detections[0]!.per_network[0]!;
    expect(own).toMatchObject({ onset: at(30), offset: at(80), measurements: 50, mean_score: 0.7 });
    expect(row).toMatchObject({ onset: at(30), offset: at(80), measurements: 50, mean_score: 0.7 });
    expect(d.per_network.find((x) => x.asn === 'AS31133')).toMatchObject({ onset: at(0), offset: at(40), measurements: 40, mean_score: 0.7 });
    // the country figures are the networks' own: 40 + 50 blocked hours, all at 0.7
    expect(d.strength).toMatchObject({ measurements: 90, mean_score: 0.7 });
  });
});

describe('block run with a window', () => {
  it('a window opening inside a block reads the hours before it: the same onset, id and censoring as the whole run', async () => {
    // the country episode spans hours 0-40 (two networks blocked at once), AS28840's block 30-80
    for (const [asn, sinces] of [
      ['AS28840', [at(36), at(60)]],
      [undefined, [at(12), at(36)]],
    ] as const) {
      const whole = (await runBlock(filteringStore(rows), { cc: 'RU', asn })).detections;
      expect(whole).toHaveLength(1);
      for (const since of sinces) {
        const w = (await runBlock(filteringStore(rows), { cc: 'RU', asn, since })).detections;
        expect(
          w.map((d) => [d.id, d.start, d.start_censored, d.end]),
          `${asn} ${since}`,
        ).toEqual(whole.map((d) => [d.id, d.start, d.start_censored, d.end]));
        expect(w[0]!.per_network).toEqual(whole[0]!.per_network);
      }
    }
    const net = (await runBlock(filteringStore(rows), { cc: 'RU', asn: 'AS28840', since: at(36) })).detections[0]!;
    expect(net).toMatchObject({ start: at(30), start_censored: false });
  });

  it('a block that ended before the window is not reported, and its series lists no change', async () => {
    const r = await runBlock(filteringStore(rows), { cc: 'RU', asn: 'AS28840', since: at(90) });
    expect(r.detections).toEqual([]);
    expect(r.series.map((s) => [s.probe_asn, s.state, s.changes.length])).toEqual([['AS28840', 'ok', 0]]);
  });
});

describe('block run: the data a detection ends on', () => {
  it("an open block's data_until and evidence end come from its own target and networks, not a later series of another", async () => {
    // both networks blocked to the end of their data (hour 99); a tor series on a third network runs 400 hours longer
    const open = [...hours('AS31133', 100, 0, 100), ...hours('AS28840', 100, 30, 100), ...hours('AS197467', 500, 0, 0, 'tor')];
    for (const asn of [undefined, 'AS28840']) {
      const d = (await runBlock(filteringStore(open), { cc: 'RU', asn })).detections[0]!;
      expect(d.end).toBeNull();
      expect(d.data_until, String(asn)).toBe(at(100));
      expect(d.evidence_query.params.until).not.toBe(at(500));
    }
  });
});

describe('block run: evidence bounds', () => {
  it("the evidence query's inclusive until is the last second before the block's exclusive end, never the first unblocked hour", async () => {
    const d = (await runBlock(filteringStore(rows), { cc: 'RU', asn: 'AS28840' })).detections[0]!;
    expect(d.end).toBe(at(80));
    expect(d.evidence_query.params).toMatchObject({ since: at(30), until: '2022-11-04T07:59:59Z' });
    expect(d.evidence_query.cli).toContain('--until 2022-11-04T07:59:59Z');
    expectOneQuery(d.evidence_query);
    expectOneQuery((await runBlock(filteringStore(rows), { cc: 'RU' })).detections[0]!.evidence_query);
  });
});
