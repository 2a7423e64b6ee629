// A network's outage is drafted as that network's, never as the country's: scope `isp` (the
// taxonomy's scope for named networks) and only its own network, though other networks of the
// country corroborate it. Real OONI day counts for Iran and IODA's IranCell file
// (test/fixtures/outages), drafted into a temporary ledger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import { tempStore } from '../../test/helpers/index.js';
import { fixedClock } from '../shared/index.js';
import { absentZeros } from '../signals/ooni-counts.js';
import { parseSignals } from '../signals/parse.js';
import { emitDrafts } from './drafts.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, runOutage } from './outage-run.js';

const dir = join(import.meta.dirname, '../../test/fixtures/outages');
const read = (name: string, o: { source?: string; bin?: 'day' }) =>
  parseSignals(readFileSync(join(dir, name), 'utf8'), { file: name, cc: 'IR', nowMs: Date.parse('2026-01-01T00:00:00Z'), ...o }).points;
const counts = read('ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv', { source: 'ooni_measurements', bin: 'day' });
const points = [...counts, ...absentZeros(counts, 'day'), ...read('ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv', {})];

describe('the draft of a network outage', () => {
  it('has scope isp and names its own network only, for each of the three Iranian networks', async () => {
    const ds = (await runOutage(signalsStub(points), { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS)).detections;
    expect(ds.map((d) => d.probe_asn).sort()).toEqual(['AS197207', 'AS31549', 'AS44244']);
    // the detection still says which networks corroborate it
    expect(ds.find((d) => d.probe_asn === 'AS197207')!.networks.length).toBeGreaterThan(1);
    const { store, cleanup } = await tempStore();
    try {
      const r = await emitDrafts({ store, clock: fixedClock('2026-01-01T00:00:00Z'), actor: 'tester' }, ds);
      expect(r.created).toBe(3);
      for (const d of ds) {
        const e = (await store.ledger.getEvent(d.id))!;
        expect([e.doc.scope, e.doc.networks, e.doc.regions]).toEqual(['isp', [d.probe_asn], []]);
      }
    } finally {
      await cleanup();
    }
  });
});
