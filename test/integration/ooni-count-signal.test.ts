/**
 * OONI's measurement counts as an outage signal, on real data: OONI's published counts per
 * network and day for Iran, 10-23 November 2019 (test/fixtures/outages, CC BY-NC-SA 4.0),
 * converted as the watch converts ingested measurements (signals/ooni-counts.ts: a network
 * measured in the week before a silent day counts 0 there). IranCell (AS44244) has no
 * measurement from the 17th (32 on the 16th, the hours before the cut): the converted series
 * reads an outage from the 16th's bin, beside IODA's two signals for the same network (which
 * place the onset at the cut), and nothing in the days before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/index.js';
import { importSignalFile, ooniCountPoints, parseSignals } from '../../src/signals/index.js';
import { packagePath, silentProgress } from '../../src/shared/index.js';
import type { SignalPointRecord, Store } from '../../src/store/index.js';
import { cli, clock, tempDir, tempStore } from '../helpers/index.js';

const fixture = (f: string) => packagePath('test', 'fixtures', 'outages', f);
const OONI = fixture('ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv');
const IODA = fixture('ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const DAY = 86_400_000;

/** OONI's export read as signal records (count, test_day, probe_asn), then converted. */
function converted(): SignalPointRecord[] {
  const parsed = parseSignals(readFileSync(OONI, 'utf8'), { file: OONI, source: 'ooni_measurements', cc: 'IR', nowMs: clock.now().getTime() });
  const rows = parsed.points.map((p) => ({ probe_cc: p.cc!, probe_asn: p.entity_code, t: Date.parse(p.t), n: p.value ?? 0 }));
  return ooniCountPoints(rows, {
    bin: 'day',
    since: Date.parse('2019-11-10T00:00:00Z'),
    until: Date.parse('2019-11-24T00:00:00Z'),
    lookbackDays: 7,
    file: 'ooni-counts/day/IR',
  });
}

describe('OONI counts as an outage signal (real, Iran, November 2019)', () => {
  let s: { store: Store; cleanup: () => Promise<void> };
  beforeAll(async () => {
    s = await tempStore();
  });
  afterAll(async () => s.cleanup());

  it('zeros where a network measured in the week before goes silent; gaps where nobody measured; AS0 is no network', () => {
    const pts = converted();
    const irancell = pts.filter((p) => p.entity_code === 'AS44244').map((p) => [p.t.slice(0, 10), p.value]);
    expect(irancell).toEqual([
      ['2019-11-10', 94],
      ['2019-11-11', 45],
      ['2019-11-12', 88],
      ['2019-11-13', 37],
      ['2019-11-14', 58],
      ['2019-11-15', 74],
      ['2019-11-16', 32],
      ['2019-11-17', 0],
      ['2019-11-18', 0],
      ['2019-11-19', 0],
      ['2019-11-20', 0],
      ['2019-11-21', 0],
      ['2019-11-22', 0],
      ['2019-11-23', 0],
    ]);
    expect(pts.some((p) => p.entity_code === 'AS0')).toBe(false);
    // Every stored count is OONI's figure; every added point is a 0 within a week of the network's last measurement.
    const csv = readFileSync(OONI, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/"/g, '').split(','));
    const given = new Map(csv.filter((c) => c[2] !== '0').map((c) => [`AS${c[2]} ${c[1]!.slice(0, 10)}`, Number(c[0])]));
    for (const p of pts) {
      const v = given.get(`${p.entity_code} ${p.t.slice(0, 10)}`);
      if (v !== undefined) expect(p.value).toBe(v);
      else {
        expect(p.value).toBe(0);
        const last = Math.max(
          ...[...given.keys()].filter((k) => k.startsWith(`${p.entity_code} `) && k.split(' ')[1]! < p.t.slice(0, 10)).map((k) => Date.parse(k.split(' ')[1]!)),
        );
        expect(Date.parse(p.t) - last).toBeLessThanOrEqual(7 * DAY);
      }
    }
    expect(pts.filter((p) => p.value !== 0)).toHaveLength(given.size);
  });

  it('the detector reads the blackout in the converted series, beside both IODA signals, and nothing before', async () => {
    const pts = converted();
    await s.store.signals.replaceFile(
      { path: 'ooni-counts/day/IR', checksum: 'x', records_read: pts.length, stored: pts.length, rejected: 0, imported_at: clock.now().toISOString() },
      pts,
    );
    await importSignalFile({ store: s.store, clock }, IODA, { cc: 'IR' });
    const r = await detect({ store: s.store, clock, progress: silentProgress, actor: 'test' }, { kind: 'outage', asn: 'AS44244' });
    type Episode = { onset: string; onset_after: string | null; recovery: string | null; median_value: number; median_baseline: number; drop: number };
    type Item = { start: string; strength: { signals: string }; per_network: { source: string; episodes: Episode[] }[] };
    const items = r.items as unknown as Item[];
    // One outage, from the documented cut (~14:00 UTC on the 16th); nothing in the days before.
    expect(items).toHaveLength(1);
    expect(Math.abs(Date.parse(items[0]!.start) - Date.parse('2019-11-16T14:00:00Z'))).toBeLessThan(3_600_000);
    const ooni = items[0]!.per_network.find((n) => n.source === 'ooni_measurements')!;
    // The day bin holding the cut: OONI's 32 on the 16th (the hours before it) are under half the baseline.
    expect(ooni.episodes).toEqual([
      expect.objectContaining({ onset: '2019-11-16T00:00:00.000Z', onset_after: '2019-11-15T00:00:00.000Z', recovery: null, median_value: 0, drop: 1 }),
    ]);
    expect(ooni.episodes[0]!.median_baseline).toBeGreaterThan(40);
    expect(items[0]!.per_network.map((n) => n.source).sort()).toEqual(['active_probing', 'darknet', 'ooni_measurements']);
    // Country-wide, OONI's counts alone (no IODA series for them) find the two other large networks
    // silent through the blackout, corroborating each other: Shatel (AS31549) and MCI (AS197207). Day
    // counts place an onset to the day at best, and early when volunteers' counts dip first (Shatel:
    // 3 and 4 on the 14th and 15th against ~22). The sparse TCI (AS12880) stays under the floor.
    const all = await detect({ store: s.store, clock, progress: silentProgress, actor: 'test' }, { kind: 'outage', cc: 'IR' });
    const found = all.items as unknown as { probe_asn: string; start: string; end: string | null; strength: { corroborated_by: string } }[];
    expect(found.map((i) => [i.probe_asn, i.start.slice(0, 10), i.end, i.strength.corroborated_by])).toEqual([
      ['AS31549', '2019-11-14', null, 'networks'],
      ['AS197207', '2019-11-15', null, 'networks'],
      ['AS44244', '2019-11-16', null, 'signals'],
    ]);
    // Without that floor the same series would read TCI as out from the 13th: the floor is what keeps it quiet.
    const bare = await detect(
      { store: s.store, clock, progress: silentProgress, actor: 'test' },
      { kind: 'outage', cc: 'IR' },
      { params: { outage: { bySource: { ooni_measurements: { minBaseline: 1 } } } } },
    );
    expect((bare.items as unknown as { probe_asn: string }[]).map((i) => i.probe_asn)).toContain('AS12880');
  });

  it('signals import --ooni-counts day gives the same series from the export file at the CLI, and the same three outages', async () => {
    const dir = tempDir();
    const db = join(dir.dir, 'counts.duckdb');
    try {
      const r = await cli(['signals', 'import', '--source', 'ooni_measurements', '--cc', 'IR', '--ooni-counts', 'day', OONI, '--json', '--db', db]);
      expect(r.code, r.err).toBe(3); // the AS0 rows are rejects
      const rep = JSON.parse(r.out) as { records_read: number; zeros_added: number; stored: number; rejected: number; reconciled: boolean };
      const want = converted();
      expect(rep).toMatchObject({
        records_read: 102,
        rejected: 5,
        stored: want.length,
        zeros_added: want.filter((p) => p.value === 0).length,
        reconciled: true,
      });
      const pts = JSON.parse((await cli(['signals', 'points', '--asn', 'AS44244', '--limit', '100', '--json', '--db', db])).out) as {
        items: { t: string; value: number; line: number }[];
      };
      expect(pts.items.map((p) => [p.t.slice(0, 10), p.value, p.line > 0])).toEqual(
        want.filter((p) => p.entity_code === 'AS44244').map((p) => [p.t.slice(0, 10), p.value, p.value !== 0]),
      );
      const d = JSON.parse((await cli(['detect', '--kind', 'outage', '--cc', 'IR', '--json', '--db', db])).out) as {
        items: { probe_asn: string; start: string }[];
      };
      expect(d.items.map((i) => [i.probe_asn, i.start.slice(0, 10)])).toEqual([
        ['AS31549', '2019-11-14'],
        ['AS197207', '2019-11-15'],
        ['AS44244', '2019-11-16'],
      ]);
      // the text report's file rows reconcile on their own: read + zeros added = stored + rejected,
      // on the import and on the rerun that finds the file unchanged
      for (let i = 0; i < 2; i++) {
        const text = await cli(['signals', 'import', '--source', 'ooni_measurements', '--cc', 'IR', '--ooni-counts', 'day', OONI, '--db', db]);
        const lines = text.out.split('\n');
        // columns are fixed-width: a cell is read at its header's offset (an empty cell stays empty)
        const at = (k: string) => lines[0]!.search(new RegExp(`\\b${k}\\b`));
        const n = (k: string) => (at(k) < 0 ? NaN : Number(lines[2]!.slice(at(k)).split(/\s/)[0]));
        expect([i, n('records_read'), n('zeros_added'), n('stored'), n('rejected')]).toEqual([i, 102, rep.zeros_added, rep.stored, 5]);
        expect(n('records_read') + n('zeros_added')).toBe(n('stored') + n('rejected'));
      }
      // without the option the export's silent days are gaps, and a gap is never an outage
      const plain = join(dir.dir, 'plain.duckdb');
      await cli(['signals', 'import', '--source', 'ooni_measurements', '--cc', 'IR', OONI, '--db', plain]);
      expect(JSON.parse((await cli(['detect', '--kind', 'outage', '--cc', 'IR', '--json', '--db', plain])).out).items).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });
});
