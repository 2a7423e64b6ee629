/**
 * The outage run on the real Iran files of November 2019 (test/fixtures/outages: IODA's IranCell
 * telescope and active probing, OONI's per-network day counts), served by a stub store with the
 * real store's filter: each outage is bounded by its own network's data, and its summary states
 * what the signals did in words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import { fixedClock } from '../shared/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { emitDrafts, withDrafts } from './drafts.js';
import { absentZeros } from '../signals/ooni-counts.js';
import { parseSignals } from '../signals/parse.js';
import type { SignalPointRecord } from '../store/index.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, runOutage } from './outage-run.js';

const dir = join(import.meta.dirname, '../../test/fixtures/outages');
const NOW = Date.parse('2026-01-01T00:00:00Z');
const read = (name: string, o: { source?: string; bin?: 'day' }) =>
  parseSignals(readFileSync(join(dir, name), 'utf8'), { file: name, cc: 'IR', nowMs: NOW, ...o }).points;
const ooniDays = () => {
  const pts = read('ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv', { source: 'ooni_measurements', bin: 'day' });
  return [...pts, ...absentZeros(pts, 'day')];
};
const ioda = () => read('ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv', {});

const stub = signalsStub;

/** SYNTHETIC: one series at `base` every `stepMin` from `start` for `days`, 0 over [cutFrom, cutTo). */
function series(asn: string, source: string, start: string, days: number, stepMin: number, base: number, cutFrom: string, cutTo: string): SignalPointRecord[] {
  const t0 = Date.parse(start);
  return Array.from({ length: (days * 1440) / stepMin }, (_, i) => {
    const t = new Date(t0 + i * stepMin * 60_000).toISOString();
    const v = t >= cutFrom && t < cutTo ? 0 : base;
    return { source, entity_type: 'asn', entity_code: asn, t, value: v, cc: 'KZ', entity_name: null, source_file: 'synthetic.csv', line: i + 2 };
  });
}

describe('outage corroboration across networks (synthetic series)', () => {
  it("an outage still open at its network's last sample corroborates no episode of another network after that sample", async () => {
    // AS64803: both signals down from 5 Jan 10:00 to its data's end on 6 Jan; AS64804: one signal down for 3 h in April
    const c = [
      ...series('AS64803', 'darknet', '2020-01-01T00:00:00.000Z', 6, 5, 100, '2020-01-05T10:00:00.000Z', '2020-01-07T00:00:00.000Z'),
      ...series('AS64803', 'active_probing', '2020-01-01T00:00:00.000Z', 6, 10, 50, '2020-01-05T10:00:00.000Z', '2020-01-07T00:00:00.000Z'),
    ];
    const d = series('AS64804', 'darknet', '2020-04-01T00:00:00.000Z', 6, 5, 100, '2020-04-05T10:00:00.000Z', '2020-04-05T13:00:00.000Z');
    const r = await runOutage(stub([...c, ...d]), { cc: 'KZ' }, DEFAULT_OUTAGE_RUN_PARAMS);
    expect(r.detections.map((x) => [x.probe_asn, x.start, x.end, x.networks])).toEqual([['AS64803', '2020-01-05T10:00:00.000Z', null, ['AS64803']]]);
    expect(r.series.find((x) => x.probe_asn === 'AS64804')!.figures.uncorroborated_episodes).toBe(1);
  });
});

describe('outage run on the Iran files', () => {
  it("bounds an outage's data_until and duration by its own network's data, whatever other networks hold", async () => {
    const counts = ooniDays();
    const shatelLast = counts.filter((p) => p.entity_code === 'AS31549').reduce((m, p) => (p.t > m ? p.t : m), '');
    const alone = await runOutage(stub(counts), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const withIoda = await runOutage(stub([...counts, ...ioda()]), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const shatel = (r: typeof alone) => r.detections.find((d) => d.probe_asn === 'AS31549')!;
    expect(shatel(alone).data_until).toBe(shatelLast);
    expect(shatel(withIoda).data_until).toBe(shatelLast);
    expect(shatel(withIoda).strength.duration_h).toBe(shatel(alone).strength.duration_h);
    // signals points takes an exclusive until: the evidence of an open outage ends just after its last sample, so it lists it
    expect(Date.parse(shatel(withIoda).evidence_query.params.until!)).toBe(Date.parse(shatelLast) + 1000);
  });

  it('the summary never prints "?": a signal with no sample during the outage is said so, and signals not down are named as such', async () => {
    const r = await runOutage(stub([...ooniDays(), ...ioda()]), { asn: 'AS44244', until: '2019-11-17T00:00:00.000Z' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const d = r.detections.find((x) => x.probe_asn === 'AS44244')!;
    expect(d.strength.signals).toBe('darknet,active_probing');
    expect(d.summary).not.toContain('?');
    expect(d.summary).toMatch(
      /2 signal\(s\) down \(darknet, active_probing\), drop 100%; during it (active_probing|darknet) at [\d.]+ \(\d+% of the 24 h before\)/,
    );
    expect(d.summary).toMatch(/; not down: ooni_measurements, no sample during the outage$/);
  });

  it('a slice starting on the outage day (no earlier day as history) gives the outage the same recovery as the whole file', async () => {
    const episodes = async (pts: SignalPointRecord[]) =>
      (await runOutage(stub(pts), { asn: 'AS44244' }, DEFAULT_OUTAGE_RUN_PARAMS)).series
        .filter((x) => x.target === 'active_probing')
        .flatMap((x) => x.changes.map((c) => [c.onset, c.recovery]));
    const whole = await episodes(ioda());
    const slice = await episodes(ioda().filter((p) => p.t >= '2019-11-16T06:00:00.000Z'));
    expect(slice).toEqual(whole.filter(([onset]) => String(onset) >= '2019-11-16T06:00:00.000Z'));
    expect(slice.length).toBeGreaterThan(0);
  });

  it('--emit never drafts the same outage twice: a moved onset (a corrected day count, IODA data later) finds the event already there', async () => {
    const { store, cleanup } = await tempStore();
    try {
      const deps = { store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'test' };
      const counts = ooniDays();
      const first = await emitDrafts(deps, (await runOutage(stub(counts), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections);
      expect(first.created).toBe(3);
      // a late upload: AS197207's count of 15 November 13 -> 80 moves its onset a day
      const late = counts.map((p) => (p.entity_code === 'AS197207' && p.t.startsWith('2019-11-15') && p.value === 13 ? { ...p, value: 80 } : p));
      const moved = (await runOutage(stub(late), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections;
      expect(moved.map((d) => d.id).filter((id) => !first.ids.includes(id)).length).toBeGreaterThan(0); // an onset moved
      const second = await emitDrafts(deps, moved);
      expect(second.created).toBe(0);
      expect(second.existing).toBe(3);
      for (const m of second.same_outage) expect(first.ids).toContain(m.event_id);
      const third = await emitDrafts(deps, (await runOutage(stub([...late, ...ioda()]), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections);
      expect(third.created).toBe(0);
      const drafts = await store.ledger.listEvents({ statuses: ['draft', 'active'], limit: 100 });
      expect(drafts).toHaveLength(3);
    } finally {
      await cleanup();
    }
  });
});

describe('a window opening inside an outage of a daily count series', () => {
  it('reports the same outages, onsets and ids as the whole series, however long the outage has run', async () => {
    const pts = [...ooniDays(), ...ioda()];
    const whole = (await runOutage(stub(pts), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections.map((d) => [d.probe_asn, d.id, d.start]);
    expect(whole.map(([asn]) => asn).sort()).toEqual(['AS197207', 'AS31549', 'AS44244']);
    for (const since of ['2019-11-19T00:00:00.000Z', '2019-11-20T00:00:00.000Z', '2019-11-21T00:00:00.000Z', '2019-11-23T00:00:00.000Z']) {
      const w = await runOutage(stub(pts), { cc: 'IR', since }, DEFAULT_OUTAGE_RUN_PARAMS);
      expect(
        w.detections.map((d) => [d.probe_asn, d.id, d.start]),
        since,
      ).toEqual(whole);
      // the series' history is its whole stored past, not a fixed number of days
      const shatel = w.series.find((x) => x.probe_asn === 'AS31549')!;
      expect(shatel.status, since).toBe('ok');
      expect(shatel.figures.history_from, since).toBe('2019-11-10T00:00:00.000Z');
    }
  });
});

describe('one network asked for (--asn)', () => {
  it("reports the outage its country's run found on it, with the same id, corroborated by the same networks", async () => {
    const pts = [...ooniDays(), ...ioda()];
    const country = (await runOutage(stub(pts), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections;
    for (const asn of ['AS197207', 'AS31549', 'AS44244']) {
      const own = await runOutage(stub(pts), { asn }, DEFAULT_OUTAGE_RUN_PARAMS);
      const mine = country.filter((d) => d.probe_asn === asn);
      expect(mine, asn).toHaveLength(1);
      expect(
        own.detections.map((d) => [d.id, d.start, d.networks, d.strength.corroborated_by]),
        asn,
      ).toEqual(mine.map((d) => [d.id, d.start, d.networks, d.strength.corroborated_by]));
      // the series reported are the network's own
      expect(new Set(own.series.map((x) => x.probe_asn)), asn).toEqual(new Set([asn]));
    }
  });
});

describe('a long outage of a daily count series', () => {
  it('keeps the baseline of the days before it to its end: every sample is judged, the episode runs to the end of the data', async () => {
    const r = await runOutage(stub(ooniDays()), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const mci = r.detections.find((d) => d.probe_asn === 'AS197207')!;
    const ep = (
      mci.per_network[0] as { episodes: { recovery: string | null; recovery_after: string | null; samples: { t: string; baseline: number | null }[] }[] }
    ).episodes[0]!;
    expect(ep.recovery).toBeNull();
    // the last low sample is the last of the data (before, the 19th: from the 20th the samples had no baseline)
    expect(ep.recovery_after).toBe(mci.data_until);
    const last = ep.samples.at(-1)!;
    expect(last.t.slice(0, 10)).toBe(mci.data_until.slice(0, 10));
    expect(last.baseline).not.toBeNull();
  });
});

describe('outage summary text', () => {
  it('names the date of onset_after when it falls on another day than the onset (day bins), the time alone when on the same day', async () => {
    const r = await runOutage(stub([...ooniDays(), ...ioda()]), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const shatel = r.detections.find((d) => d.probe_asn === 'AS31549')!;
    expect(shatel.strength.onset_after).toBe('2019-11-13T00:00:00.000Z');
    expect(shatel.summary).toContain('outage from 2019-11-14 00:00 UTC (onset after 2019-11-13 00:00, ±1440 min)');
    const cell = r.detections.find((d) => d.probe_asn === 'AS44244')!;
    expect(cell.summary).toContain('(onset after 14:20, ±5 min)');
  });
});

describe('outage summary percentages', () => {
  it('a drop below 1 is never said as 100 %: the telescope alone on IranCell drops 99.5 %, said so', async () => {
    const params = { ...DEFAULT_OUTAGE_RUN_PARAMS, corroborate: false, bySource: { active_probing: { poissonAlpha: 1e-9 } } };
    const r = await runOutage(stub(ioda()), { asn: 'AS44244' }, params);
    const d = r.detections.find((x) => x.strength.signals === 'darknet')!;
    // design 070: the telescope's median of 0.4 sources against 73
    expect(d.strength.drop).toBe(0.995);
    expect(d.summary).toContain('drop 99.5%;');
  });
});

describe('the read-only view of drafts', () => {
  it('names the existing event of a detection whose moved onset gave it a new id, as --emit does', async () => {
    const { store, cleanup } = await tempStore();
    try {
      const deps = { store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'test' };
      const counts = ooniDays();
      const first = await emitDrafts(deps, (await runOutage(stub(counts), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections);
      // a late upload: AS197207's count of 15 November 13 -> 80 moves its onset a day
      const late = counts.map((p) => (p.entity_code === 'AS197207' && p.t.startsWith('2019-11-15') && p.value === 13 ? { ...p, value: 80 } : p));
      const moved = (await runOutage(stub(late), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections;
      const fresh = moved.filter((d) => !first.ids.includes(d.id));
      expect(fresh.length).toBeGreaterThan(0);
      const shown = await withDrafts(store, moved);
      for (const d of shown) {
        expect(d.draft, d.id).not.toBeNull();
        expect(first.ids).toContain(d.draft!.id);
        expect(d.draft!.status).toBe('draft');
      }
      const emitted = await emitDrafts(deps, moved);
      for (const m of emitted.same_outage) expect(shown.find((d) => d.id === m.id)!.draft!.id).toBe(m.event_id);
    } finally {
      await cleanup();
    }
  });
});
