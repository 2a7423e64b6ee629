/**
 * The long-lived watch: a cycle every `everyMs` (never two at once; the next starts `everyMs`
 * after the previous one started, or at once if it overran; a period longer than one Node timer
 * holds is waited in full), and beside it a delivery pump that
 * sends due webhook deliveries every second, so a slow or dead receiver never delays a cycle.
 * stop() lets the cycle and the deliveries in flight finish, then resolves: a clean exit.
 * A cycle found 'running' at start was cut short (kill -9): it is marked interrupted, and the
 * first cycle redoes whatever it had not recorded. While it runs the watch holds a lease in the
 * store (lease.ts), renewed each cycle and each minute and cleared by stop(): watch-status tells
 * from it whether a watch runs. watchOnce takes no lease and records no next cycle.
 */
import { setLongTimeout, type Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { cycleLine, runCycle, type CycleSummary, type WatchOptions } from './cycle.js';
import { clearLease, LEASE_RENEW_MS, renewLease } from './lease.js';
import { DEFAULT_DELIVERY_POLICY, deliverDue, type DeliveryPolicy, type DeliveryReport, type Sender } from './hooks.js';
import { startDeliveryPump } from './pump.js';

export interface WatchDeps {
  store: Store;
  clock: Clock;
  actor: string;
  send: Sender;
  log: (line: string, data: Record<string, unknown>) => void;
}

export interface WatchHandle {
  stop(): Promise<void>;
  /** Resolves after the next cycle completes (tests and --once). */
  nextCycle(): Promise<CycleSummary>;
}

/** Cycles left 'running' by a process that died are marked interrupted (their work is redone, never doubled). */
export async function markInterrupted(deps: Pick<WatchDeps, 'store' | 'clock' | 'log'>): Promise<void> {
  for (const c of await deps.store.watch.lastCycles(5)) {
    if (c.status === 'running') {
      await deps.store.watch.upsertCycle({ ...c, status: 'interrupted', finished_at: deps.clock.now().toISOString() });
      deps.log(`${deps.clock.now().toISOString()} watch: ${c.id} was interrupted; this start completes its work`, { interrupted: c.id });
    }
  }
}

/** One cycle and one delivery pass, for a scheduler outside (cron) or a one-off catch-up. */
export async function watchOnce(
  deps: WatchDeps,
  o: WatchOptions,
  policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY,
): Promise<{ cycle: CycleSummary; deliveries: DeliveryReport }> {
  await markInterrupted(deps);
  const cycle = await runCycle(deps, { ...o, once: true });
  return { cycle, deliveries: await deliverDue(deps, policy) };
}

export async function startWatch(deps: WatchDeps, o: WatchOptions, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY, pumpMs = 1000): Promise<WatchHandle> {
  await markInterrupted(deps);
  let stopped = false;
  let cycle: Promise<unknown> = Promise.resolve();
  let timer: { clear(): void } | undefined;
  const waiters: ((s: CycleSummary) => void)[] = [];
  const startedAt = deps.clock.now().toISOString();
  let leasing: Promise<unknown> = Promise.resolve();
  const renew = () => {
    if (stopped) return;
    leasing = renewLease(deps.store, { nowMs: deps.clock.now().getTime(), startedAt, everyMs: o.everyMs }).catch((e: unknown) =>
      deps.log(`${deps.clock.now().toISOString()} watch: lease not renewed: ${(e as Error).message}`, { error: (e as Error).message }),
    );
  };
  await renewLease(deps.store, { nowMs: deps.clock.now().getTime(), startedAt, everyMs: o.everyMs });
  const heartbeat = setInterval(renew, LEASE_RENEW_MS);

  const tick = () => {
    if (stopped) return;
    const started = Date.now();
    cycle = runCycle(deps, o)
      .then((s) => {
        renew();
        deps.log(cycleLine(s), { cycle: s });
        waiters.splice(0).forEach((w) => w(s));
      })
      .catch((e: unknown) => deps.log(`${deps.clock.now().toISOString()} watch: cycle failed: ${(e as Error).message}`, { error: (e as Error).message }))
      .finally(() => {
        if (!stopped) timer = setLongTimeout(tick, o.everyMs - (Date.now() - started));
      });
  };
  const pump = startDeliveryPump(deps, { everyMs: pumpMs }, policy);
  tick();
  return {
    async stop() {
      stopped = true;
      timer?.clear();
      clearInterval(heartbeat);
      await Promise.allSettled([cycle, pump.stop(), leasing]);
      await clearLease(deps.store, deps.clock.now().getTime());
    },
    nextCycle: () => new Promise((r) => waiters.push(r)),
  };
}
