// The outage run shares the event loop: a watch's delivery pump, HTTP server and lease heartbeat
// get their turn while hundreds of series are judged, instead of waiting for the whole run.
// Real IODA IranCell points (test/fixtures/outages), copied under 120 SYNTHETIC network numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalsStub } from '../../test/helpers/signals-stub.js';
import type { Store } from '../store/index.js';
import { parseSignals } from '../signals/parse.js';
import { DEFAULT_OUTAGE_RUN_PARAMS, runOutage } from './outage-run.js';

const file = 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv';
const real = parseSignals(readFileSync(join(import.meta.dirname, '../../test/fixtures/outages', file), 'utf8'), {
  file,
  cc: 'IR',
  nowMs: Date.parse('2026-01-01T00:00:00Z'),
}).points;

describe('the outage run between series', () => {
  it('lets a 5 ms timer run while it judges 240 series: no gap near the run length', async () => {
    const points = Array.from({ length: 120 }, (_, i) => real.map((p) => ({ ...p, entity_code: `AS${64512 + i}` }))).flat();
    // the store's answer is ready beforehand: the timed part is the run's own work
    const sorted = await signalsStub(points).signals.points({ cc: 'IR' });
    const store = { signals: { points: async () => sorted } } as unknown as Store;
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const t0 = performance.now();
    const r = await runOutage(store, { cc: 'IR' }, DEFAULT_OUTAGE_RUN_PARAMS);
    const t1 = performance.now();
    clearInterval(timer);
    expect(r.series).toHaveLength(240);
    const marks = [t0, ...ticks.filter((x) => x > t0 && x < t1), t1];
    const gaps = marks.slice(1).map((x, i) => x - marks[i]!);
    const longest = Math.max(...gaps);
    // the run takes seconds; no stretch of it holds the loop for more than a small part of it
    // (before, the timer waited for the whole run: one gap as long as the run)
    expect(t1 - t0).toBeGreaterThan(2000);
    expect(longest).toBeLessThan((t1 - t0) / 5);
  });
});
