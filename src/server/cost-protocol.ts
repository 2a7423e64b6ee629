/**
 * What the cost pool and its worker threads say to each other, and the bounded memory of which
 * datasets a worker holds. Both sides apply the same remember/get sequence to a Remembered of
 * the same capacity, so the pool knows without asking when it must send a dataset's rows again.
 */
import type { CostResult, CountryRows, ScenarioInput } from '../cost/index.js';
import type { ErrorCode, FieldIssue } from '../shared/index.js';

/** The worker's first message: its modules are loaded. */
export const READY = 'ready';

export interface JobMessage {
  id: number;
  input: ScenarioInput;
  /** Each dataset by key; its rows only when the worker does not hold it. */
  data: { key: number; rows?: CountryRows }[];
}

export type ReplyMessage =
  | { id: number; ok: true; result: CostResult }
  | { id: number; ok: false; error: { code: ErrorCode; message: string; issues: FieldIssue[]; details: Record<string, unknown> } };

/** Datasets a worker holds: the most recently used CAPACITY keys. */
export class Remembered<T> {
  static readonly CAPACITY = 16;
  private readonly map = new Map<number, T>();

  get(key: number): T | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  remember(key: number, value: T): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > Remembered.CAPACITY) this.map.delete(this.map.keys().next().value as number);
  }
}
