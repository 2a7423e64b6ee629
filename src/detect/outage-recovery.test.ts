// The recovery across signals follows the onset's rule: a finer signal that dates the recovery
// inside a coarser signal's window places it. Real IODA IranCell points and OONI day counts for
// Iran (test/fixtures/outages), with a SYNTHETIC recovery after the data's end: the telescope and
// active probing back at their level from 23 Nov 2019 14:10 UTC, OONI counts for IranCell on 24-26 Nov.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import { absentZeros } from '../signals/ooni-counts.js';
import { parseSignals } from '../signals/parse.js';
import type { SignalPointRecord } from '../store/index.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, runOutage } from './outage-run.js';

const dir = join(import.meta.dirname, '../../test/fixtures/outages');
const read = (name: string, text: string, o: { source?: string; bin?: 'day' }) =>
  parseSignals(text, { file: name, cc: 'IR', nowMs: Date.parse('2026-01-01T00:00:00Z'), ...o }).points;
const file = (name: string) => readFileSync(join(dir, name), 'utf8');
const BACK = '2019-11-23T14:10:00.000Z';

/** SYNTHETIC: the telescope at 104 every 5 min and active probing at 8 every 10 min, from BACK to 24 Nov 02:00. */
function recoveredIoda(): SignalPointRecord[] {
  const rows = ['datasource,value,asn,timestamp'];
  for (let t = Date.parse(BACK); t <= Date.parse('2019-11-24T02:00:00Z'); t += 5 * 60_000) {
    rows.push(`darknet,104,44244,${new Date(t).toISOString()}`);
    if ((t / 60_000) % 10 === 0) rows.push(`active_probing,8,44244,${new Date(t).toISOString()}`);
  }
  return read('recovery-ioda.csv', rows.join('\n'), {});
}
/** SYNTHETIC: IranCell's OONI day counts back on 24-26 Nov. */
const recoveredCounts = () =>
  read('recovery-ooni.csv', 'count,test_day,probe_asn\n80,2019-11-24,44244\n85,2019-11-25,44244\n90,2019-11-26,44244', {
    source: 'ooni_measurements',
    bin: 'day',
  });

describe('the recovery of an outage seen by signals of different bins', () => {
  it("is dated by the telescope (5 min) inside the day count's window, not at the day's end", async () => {
    const counts = [
      ...read('c.csv', file('ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv'), { source: 'ooni_measurements', bin: 'day' }),
      ...recoveredCounts(),
    ];
    const ioda = [...read('i.csv', file('ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'), {}), ...recoveredIoda()];
    const r = await runOutage(signalsStub([...counts, ...absentZeros(counts, 'day'), ...ioda]), { asn: 'AS44244' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const d = r.detections.find((x) => x.probe_asn === 'AS44244')!;
    // the day count's episode recovers with its first normal day (24 Nov 00:00, ±1 day); the telescope's at BACK (±5 min)
    type Ep = { recovery: string | null; recovery_uncertainty_min: number | null };
    const lastEpisode = (source: string) => (d.per_network.find((s) => s.source === source)!.episodes as Ep[]).at(-1)!;
    const ooni = lastEpisode('ooni_measurements');
    const telescope = lastEpisode('darknet');
    expect([ooni.recovery, ooni.recovery_uncertainty_min]).toEqual(['2019-11-24T00:00:00.000Z', 1440]);
    expect(telescope.recovery).toBe(BACK);
    expect(d.end).toBe(BACK);
    expect(d.strength.recovery_uncertainty_min).toBe(telescope.recovery_uncertainty_min);
    expect(d.evidence_query.params.until).toBe(BACK);
    expect(d.summary).toContain(`to ${BACK.slice(0, 16).replace('T', ' ')} UTC`);
  });
});
