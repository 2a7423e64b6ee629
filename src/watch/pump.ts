/**
 * The delivery pump: sends due webhook deliveries and retries failed ones on their backoff, beside
 * a watch's cycles or under `serve` alone. Under `serve` it also queues the notices the ledger
 * calls for (enqueueNotices) whenever the store has changed since it last looked, so a draft
 * emitted or an event confirmed over the API is delivered without a watch or `hooks deliver`.
 *
 * Guarantees: at most one pass runs at a time; a pass's failure is logged, never thrown; stop()
 * resolves once the pass in flight has finished.
 */
import type { Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { DEFAULT_DELIVERY_POLICY, deliverDue, enqueueNotices, type DeliveryPolicy, type DeliveryReport, type Sender } from './hooks.js';

export interface PumpDeps {
  store: Store;
  clock: Clock;
  send: Sender;
  log: (line: string, data: Record<string, unknown>) => void;
}

export interface PumpOptions {
  /** Milliseconds between passes (default 1000). */
  everyMs?: number;
  /** Queue notices before sending, links pointing at `origin` (what `serve` needs; a watch's cycle queues them itself). */
  enqueue?: { origin: () => string | null };
}

export function startDeliveryPump(deps: PumpDeps, o: PumpOptions = {}, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): { stop(): Promise<void> } {
  let stopped = false;
  let pass: Promise<unknown> = Promise.resolve();
  let pumping = false;
  let seen: number | null = null;
  const stamp = () => deps.clock.now().toISOString();
  const once = async () => {
    if (o.enqueue) {
      const version = deps.store.dataVersion();
      if (version !== seen) {
        const q = await enqueueNotices(deps, o.enqueue.origin());
        seen = version;
        if (q.enqueued) deps.log(`${stamp()} webhooks: ${q.enqueued} notice(s) queued`, { enqueued: q.enqueued });
      }
    }
    const r: DeliveryReport = await deliverDue(deps, policy);
    if (r.attempted || r.dead) deps.log(`${stamp()} webhooks: ${r.delivered} delivered, ${r.retrying} to retry, ${r.dead} dead-lettered`, { deliveries: r });
  };
  const timer = setInterval(() => {
    if (stopped || pumping) return;
    pumping = true;
    pass = once()
      .catch((e: unknown) => deps.log(`${stamp()} webhooks: ${(e as Error).message}`, { error: (e as Error).message }))
      .finally(() => {
        pumping = false;
      });
  }, o.everyMs ?? 1000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await pass;
    },
  };
}
