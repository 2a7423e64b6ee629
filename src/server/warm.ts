/**
 * Warm-up after `serve` starts: the dashboard's heaviest GETs are requested in-process, one
 * at a time, so the response cache (and the per-process registry and AS tables) are filled
 * before a person asks. The first call of /api/detections on a fresh server is otherwise
 * seconds of work on a busy machine (bench/RESULTS.md, bench:api). A request that arrives
 * while its URL is being warmed joins that computation (single flight in cache.ts).
 * Stops when the server closes or the data changes (a write makes the results stale anyway);
 * keepWarm() warms again once writes have settled (an ingest or an edit emptied the cache).
 */
import type { Store } from '../store/index.js';

/** What the dashboard loads first, heaviest first; keys are normalised by cache.ts. */
export const WARM_PATHS = [
  '/api/detections',
  '/api/registry/summary',
  '/api/speedtests/summary?cc=RU',
  '/api/indicators?country=RU',
  '/api/indicators',
  '/api/cost/regions?country=RU&type=full&hours=24',
  '/api/stats/events',
  '/api/events?country=RU',
] as const;

export interface WarmReport {
  warmed: string[];
  ms: number;
  stopped: 'done' | 'aborted' | 'data changed';
}

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export async function warmCache(
  app: Requester,
  store: Pick<Store, 'dataVersion'>,
  paths: readonly string[] = WARM_PATHS,
  signal?: AbortSignal,
): Promise<WarmReport> {
  const t0 = performance.now();
  const version = store.dataVersion();
  const warmed: string[] = [];
  const report = (stopped: WarmReport['stopped']): WarmReport => ({ warmed, ms: Math.round(performance.now() - t0), stopped });
  for (const path of paths) {
    // Let waiting client requests run first.
    await new Promise((r) => setImmediate(r));
    if (signal?.aborted) return report('aborted');
    if (store.dataVersion() !== version) return report('data changed');
    try {
      // br is what browsers pick; the identity body is filled on the way.
      const res = await app.request(path, { headers: { 'accept-encoding': 'br' } });
      await res.arrayBuffer();
      if (res.ok) warmed.push(path);
    } catch {
      // A path that fails now fails for the client too, with its own error: nothing to warm.
    }
  }
  return report('done');
}

/**
 * Warm now, and again whenever the data version has moved and then stayed still for one
 * interval (so a burst of writes costs one warm-up, after it). One warm-up at a time.
 * `idle()` resolves when no warm-up is running (serve waits for it before closing the store).
 */
export function keepWarm(
  app: Requester,
  store: Pick<Store, 'dataVersion' | 'syncDataVersion'>,
  opts: { signal: AbortSignal; everyMs?: number; paths?: readonly string[]; onWarm?: (r: WarmReport, nth: number) => void },
): { idle: () => Promise<unknown> } {
  let job: Promise<unknown> = Promise.resolve();
  let running = false;
  let warmedAt = -1;
  let seen = store.dataVersion();
  let nth = 0;
  const run = () => {
    running = true;
    warmedAt = store.dataVersion();
    job = warmCache(app, store, opts.paths, opts.signal).then((r) => {
      running = false;
      if (r.stopped === 'done') opts.onWarm?.(r, nth++);
      else warmedAt = -1; // interrupted by a write: try again once it settles
    });
  };
  run();
  const timer = setInterval(() => {
    // another node's writes to a cluster move the version too (read on the next tick)
    void store.syncDataVersion?.();
    const v = store.dataVersion();
    const settled = v === seen;
    seen = v;
    if (!running && settled && v % 2 === 0 && v !== warmedAt && !opts.signal.aborted) run();
  }, opts.everyMs ?? 2000);
  timer.unref();
  opts.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return { idle: () => job };
}
