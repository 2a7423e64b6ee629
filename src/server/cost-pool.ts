/**
 * Monte Carlo pricing off the event loop: a fixed number of worker threads, a bounded queue in
 * front of them, and a timeout per job. A full queue is a 503 at once (the caller retries); a
 * job running past the timeout has its worker terminated and replaced, and its caller gets a
 * 503 naming the limit. Results are those of the calling thread's computation for the same
 * input and seed (the worker runs the same pure function on the same data).
 */
import { Worker } from 'node:worker_threads';
import type { CostCompute, CostResult, PriceJob } from '../cost/index.js';
import { countryRows } from '../cost/index.js';
import { AppError } from '../shared/index.js';
import { READY, Remembered, type JobMessage, type ReplyMessage } from './cost-protocol.js';

export interface CostPoolOptions {
  /** Worker threads (each prices one job at a time). */
  size: number;
  /** Jobs waiting for a worker; one more is refused with 503. */
  queue: number;
  /** A job still running after this many ms is stopped (503). */
  timeoutMs: number;
  /** The worker's module (default: the compiled cost-worker.js beside this file). */
  workerUrl?: URL;
}

interface Pending {
  id: number;
  job: PriceJob;
  resolve: (r: CostResult) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  known: Remembered<true>;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** The worker has loaded its modules: a job's time limit starts only then. */
  ready: boolean;
}

export class CostPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private readonly keys = new WeakMap<object, number>();
  private nextKey = 1;
  private nextId = 1;
  private closed = false;
  private readonly url: URL;

  constructor(private readonly o: CostPoolOptions) {
    this.url = o.workerUrl ?? new URL('./cost-worker.js', import.meta.url);
    for (let i = 0; i < o.size; i++) this.slots.push(this.spawn());
  }

  /** Jobs running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.current).length, waiting: this.waiting.length };
  }

  readonly run: CostCompute = (job) =>
    new Promise<CostResult>((resolve, reject) => {
      if (this.closed) return reject(new AppError('UNAVAILABLE', 'the server is shutting down'));
      const p: Pending = { id: this.nextId++, job, resolve, reject };
      const free = this.slots.find((s) => !s.current);
      if (free) return this.dispatch(free, p);
      if (this.waiting.length >= this.o.queue) {
        return reject(
          new AppError('UNAVAILABLE', `cost pricing is busy (${this.slots.length} running, ${this.waiting.length} waiting); retry in a few seconds`, {
            details: { running: this.slots.length, waiting: this.waiting.length },
          }),
        );
      }
      this.waiting.push(p);
    });

  /** Stop every worker; queued and running jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.waiting.splice(0)) p.reject(new AppError('UNAVAILABLE', 'the server is shutting down'));
    await Promise.all(
      this.slots.map((s) => {
        if (s.timer) clearTimeout(s.timer);
        s.current?.reject(new AppError('UNAVAILABLE', 'the server is shutting down'));
        s.current = null;
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.url), known: new Remembered<true>(), current: null, timer: null, ready: false };
    slot.worker.on('message', (m: ReplyMessage | typeof READY) => {
      if (m === READY) {
        slot.ready = true;
        if (slot.current) this.send(slot, slot.current);
        return;
      }
      const p = slot.current;
      if (!p || p.id !== m.id) return;
      this.finish(slot);
      if (m.ok) p.resolve(m.result);
      else p.reject(new AppError(m.error.code, m.error.message, { issues: m.error.issues, details: m.error.details }));
    });
    slot.worker.on('error', (e) => this.replace(slot, new AppError('INTERNAL', `a cost worker failed: ${e.message}`, { cause: e })));
    slot.worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new AppError('INTERNAL', `a cost worker exited (code ${code})`));
    });
    return slot;
  }

  private dispatch(slot: Slot, p: Pending): void {
    slot.current = p;
    if (slot.ready) this.send(slot, p);
  }

  private send(slot: Slot, p: Pending): void {
    const data = p.job.data.map((d) => {
      let key = this.keys.get(d);
      if (key === undefined) this.keys.set(d, (key = this.nextKey++));
      const held = slot.known.get(key) !== undefined;
      slot.known.remember(key, true);
      return held ? { key } : { key, rows: countryRows(d) };
    });
    slot.timer = setTimeout(() => {
      this.replace(
        slot,
        new AppError('UNAVAILABLE', `pricing took longer than ${this.o.timeoutMs / 1000} s and was stopped; ask for fewer draws, regions or scenarios`, {
          details: { timeout_ms: this.o.timeoutMs },
        }),
      );
    }, this.o.timeoutMs);
    const message: JobMessage = { id: p.id, input: p.job.input, data };
    slot.worker.postMessage(message);
  }

  /** The slot's job is done: take the next waiting one. */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    const next = this.waiting.shift();
    if (next) this.dispatch(slot, next);
  }

  /** Terminate a worker (stuck or failed), fail its job with `error`, and start a fresh one. */
  private replace(slot: Slot, error: AppError): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const p = slot.current;
    if (slot.timer) clearTimeout(slot.timer);
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    p?.reject(error);
    if (this.closed) return;
    const fresh = this.spawn();
    this.slots.push(fresh);
    const next = this.waiting.shift();
    if (next) this.dispatch(fresh, next);
  }
}
