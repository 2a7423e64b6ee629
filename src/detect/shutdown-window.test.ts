/**
 * A windowed shutdown run (`--since`) judges the window against the history before it, as a run
 * over the whole store does. SYNTHETIC hourly counts shaped like the tester's BY series (derived
 * from a real browser_web measurement): two networks, 10 measurements an hour from 2024-01-01,
 * both silent on 2024-01-06 from 00:00 to 06:00.
 */
import { describe, expect, it } from 'vitest';
import { expectOneQuery } from '../../test/helpers/evidence-query.js';
import type { MeasurementSeriesFilter, Store, VolumeHourRow } from '../store/index.js';
import { runShutdown } from './shutdown-run.js';

const HOUR = 3_600_000;
const t0 = Date.UTC(2024, 0, 1);
const cut = Date.UTC(2024, 0, 6);

function volumeStore(rows: VolumeHourRow[]): Store {
  const pick = (f: MeasurementSeriesFilter) =>
    rows.filter(
      (r) =>
        (!f.cc || r.probe_cc === f.cc) &&
        (!f.asn || r.probe_asn === f.asn) &&
        (!f.since || r.t >= Date.parse(f.since)) &&
        (!f.until || r.t < Date.parse(f.until)),
    );
  return { detect: { volumeHours: async (f: MeasurementSeriesFilter) => pick(f), hasMeasurements: async () => rows.length > 0 } } as unknown as Store;
}

const series = (asn: string): VolumeHourRow[] =>
  Array.from({ length: 24 * 8 }, (_, i) => ({ probe_cc: 'BY', probe_asn: asn, t: t0 + i * HOUR, n: 10 })).filter((r) => r.t < cut || r.t >= cut + 6 * HOUR);
const store = volumeStore([...series('AS25106'), ...series('AS6697')]);

describe('shutdown run with a window', () => {
  it('finds the same shutdown, with the same onset and id, from a window opening a day before the cut or inside it', async () => {
    const whole = await runShutdown(store, { cc: 'BY' });
    expect(whole.detections.map((d) => [d.start, d.end])).toEqual([[new Date(cut).toISOString(), new Date(cut + 6 * HOUR).toISOString()]]);
    for (const since of ['2024-01-05T00:00:00.000Z', '2024-01-06T03:00:00.000Z']) {
      const w = await runShutdown(store, { cc: 'BY', since });
      expect(
        w.detections.map((d) => d.id),
        since,
      ).toEqual(whole.detections.map((d) => d.id));
      expect(w.detections[0]!.strength).toEqual(whole.detections[0]!.strength);
      expect(w.series.map((s) => s.status)).toEqual(['ok', 'ok']);
    }
  });

  it('reports nothing that ended before the window', async () => {
    const after = await runShutdown(store, { cc: 'BY', since: '2024-01-07T00:00:00.000Z' });
    expect(after.detections).toEqual([]);
    expect(after.series.map((s) => [s.status, s.changes.length])).toEqual([
      ['ok', 0],
      ['ok', 0],
    ]);
  });
});

describe('shutdown evidence bounds', () => {
  it("the evidence query's inclusive until is the last second before the recovery hour", async () => {
    const d = (await runShutdown(store, { cc: 'BY' })).detections[0]!;
    expect(d.end).toBe('2024-01-06T06:00:00.000Z');
    expect(d.evidence_query.params.until).toBe('2024-01-06T05:59:59Z');
    expect(d.evidence_query.cli).toContain('--until 2024-01-06T05:59:59Z --grain hour');
  });

  it('params carry the hour grain the api and cli ask for: the three are one query, per network too', async () => {
    const r = await runShutdown(store, { cc: 'BY' });
    expect(r.detections[0]!.evidence_query.params).toMatchObject({ cc: 'BY', grain: 'hour' });
    for (const d of [...r.detections, ...(await runShutdown(store, { cc: 'BY', asn: 'AS6697' })).detections]) expectOneQuery(d.evidence_query);
  });
});
