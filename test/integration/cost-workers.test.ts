/**
 * Pricing in worker threads: a served database prices scenarios in a pool of workers, so
 * /healthz answers while anonymous clients keep both workers busy; the results equal the calling
 * thread's computation for the same scenario and seed; a full queue and a job over its time
 * limit are 503s naming the limit, and the pool keeps serving afterwards.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCost, fromWire, parseScenario, type ScenarioWire } from '../../src/cost/index.js';
import { scenarioData } from '../../src/cost/service.js';
import { CostPool } from '../../src/server/cost-pool.js';
import { statsRegionsOf } from '../../src/geo/index.js';
import { isAppError, packagePath } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { startServer, tempDir } from '../helpers/index.js';
import { copySeeded } from '../helpers/seeded.js';

const t = tempDir();
const served = join(t.dir, 'served.duckdb');
const copy = join(t.dir, 'copy.duckdb');
const WORKER = new URL(`file://${packagePath('dist', 'src', 'server', 'cost-worker.js')}`);
let server: Awaited<ReturnType<typeof startServer>>;
let store: Store;

beforeAll(async () => {
  await copySeeded(served);
  copyFileSync(served, copy);
  store = await openStore(copy);
  server = await startServer(served);
});

afterAll(async () => {
  await server?.stop();
  await store?.close();
  t.cleanup();
});

const post = (body: unknown) =>
  fetch(`${server.url}/api/cost`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * The heaviest scenario an anonymous client may send (10,000 draws x 20 regions, the budget),
 * over eight years; seeds unlike any cached one.
 */
const heavyScenario = (seed: number) => ({
  country: 'RU',
  type: 'mobile',
  start: '2016-01-01T00:00:00Z',
  end: '2024-06-01T00:00:00Z',
  draws: 10_000,
  seed,
  region: statsRegionsOf('RU')
    .map((r) => r.code)
    .filter((c) => c.startsWith('RU-'))
    .slice(0, 20),
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(url: string): Promise<number> {
  const t0 = performance.now();
  const r = await fetch(url);
  expect(r.status).toBe(200);
  await r.arrayBuffer();
  return performance.now() - t0;
}

describe('cost pricing in worker threads', () => {
  it('gives the same result as the calling thread, for the same scenario and seed', async () => {
    const scenarios: ScenarioWire[] = [
      { country: 'RU', type: 'full', hours: 24, draws: 3000, seed: 7 },
      { country: 'RU', type: 'mobile', hours: 72, region: ['RU-MOW', 'RU-SPE'], draws: 2000, seed: 11, currency: 'CNY' },
      { country: 'IR', type: 'platform', platform: 'instagram', hours: 48, draws: 2000, seed: 3 },
      { country: 'CN', type: 'full', start: '2024-12-30T00:00:00Z', end: '2025-01-02T00:00:00Z', draws: 1500, seed: 5 },
    ] as ScenarioWire[];
    for (const s of scenarios) {
      const r = await post(s);
      const text = await r.text();
      expect(r.status, text).toBe(200);
      const local = await estimateCost({ store }, fromWire(s));
      expect(JSON.parse(text), JSON.stringify(s)).toEqual(JSON.parse(JSON.stringify(local)));
    }
  });

  it('keeps /healthz answering while anonymous clients price heavy scenarios', async () => {
    const health = `${server.url}/healthz`;
    // One heavy scenario alone: on the event loop, a probe arriving during it waits for the rest of it.
    const t1 = performance.now();
    const one = await post(heavyScenario(500));
    expect(one.status, await one.text()).toBe(200);
    const single = performance.now() - t1;
    const t0 = performance.now();
    const batches = [1, 2, 3, 4, 5, 6, 7, 8].map(async (k) => {
      const r = await post(heavyScenario(1000 + k));
      expect(r.status).toBe(200);
      await r.arrayBuffer();
      return performance.now() - t0;
    });
    await new Promise((r) => setTimeout(r, 200));
    const during: number[] = [];
    for (let i = 0; i < 10; i++) during.push(await timed(health));
    const probesDone = performance.now() - t0;
    const heavyMs = Math.max(...(await Promise.all(batches)));
    console.log(
      `one heavy scenario ${single.toFixed(0)} ms; healthz during 8 concurrent ones: median ${median(during).toFixed(0)} ms, max ${Math.max(...during).toFixed(0)} ms; they took ${heavyMs.toFixed(0)} ms`,
    );
    // The probes ran while pricing went on, and took a small part of one scenario's time
    // (on the event loop they wait half a scenario on average).
    expect(probesDone).toBeLessThan(heavyMs);
    expect(median(during)).toBeLessThan(single / 4);
  });

  it('refuses work over the queue at once and stops a job over its time limit, then serves again', async () => {
    const job = async (wire: ScenarioWire) => {
      const input = fromWire(wire);
      return { input, data: await scenarioData(store, parseScenario(input).scenario) };
    };
    // every Russian region over eight years at 100,000 draws: far more work than the small job below
    const regions = statsRegionsOf('RU')
      .map((r) => r.code)
      .filter((c) => c.startsWith('RU-'));
    const big = await job({
      country: 'RU',
      type: 'mobile',
      start: '2016-01-01T00:00:00Z',
      end: '2024-06-01T00:00:00Z',
      draws: 100_000,
      seed: 97,
      region: regions,
    });
    // The time limit is a quarter of what the big job takes on this machine, so the test
    // holds on fast and slow machines alike.
    const calibrate = new CostPool({ size: 1, queue: 0, timeoutMs: 120_000, workerUrl: WORKER });
    let bigMs: number;
    try {
      await calibrate.run(await job({ country: 'RU', type: 'full', hours: 24, draws: 500, seed: 1 }));
      const t0 = performance.now();
      await calibrate.run(big);
      bigMs = performance.now() - t0;
    } finally {
      await calibrate.close();
    }
    const timeoutMs = Math.max(20, Math.round(bigMs / 4));
    const pool = new CostPool({ size: 1, queue: 0, timeoutMs, workerUrl: WORKER });
    try {
      const slow = pool.run(big).catch((e: unknown) => e);
      const refused = await pool.run(big).catch((e: unknown) => e);
      expect(isAppError(refused) && refused.code).toBe('UNAVAILABLE');
      expect((refused as Error).message).toMatch(/busy \(1 running, 0 waiting\)/);
      const stopped = await slow;
      expect(isAppError(stopped) && stopped.code, String(stopped)).toBe('UNAVAILABLE');
      expect((stopped as Error).message).toContain(`longer than ${timeoutMs / 1000} s and was stopped`);
      const small = await pool.run(await job({ country: 'RU', type: 'full', hours: 24, draws: 500, seed: 1 }));
      expect(small.estimates.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
