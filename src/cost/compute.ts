/**
 * Where a scenario's Monte Carlo runs. By default in the calling thread; a server registers a
 * compute for its store (a pool of worker threads) so that pricing never blocks its event loop.
 * A job carries the scenario as the caller sent it and the economic data already read from the
 * store, so the worker needs no store and computes exactly what the calling thread would.
 */
import { CountryData } from './data/econ-data.js';
import type { ScenarioInput } from './scenario.js';
import { parseScenario } from './scenario.js';
import { priceScenarioWith, type CostResult } from './service.js';
import type { EconValueRecord, FxRateRecord, Store } from '../store/index.js';

export interface PriceJob {
  input: ScenarioInput;
  data: readonly CountryData[];
}

export type CostCompute = (job: PriceJob) => Promise<CostResult>;

const computes = new WeakMap<Store, CostCompute>();

/** Route this store's pricing through `compute`; undefined restores the calling thread. */
export function setCostCompute(store: Store, compute: CostCompute | undefined): void {
  if (compute) computes.set(store, compute);
  else computes.delete(store);
}

export const costComputeOf = (store: Store): CostCompute | undefined => computes.get(store);

/** One country's data as plain rows (what crosses to a worker thread). */
export interface CountryRows {
  country: string;
  values: readonly EconValueRecord[];
  rates: readonly FxRateRecord[];
}

export const countryRows = (d: CountryData): CountryRows => ({ country: d.country, values: d.values, rates: d.rates });
export const fromRows = (r: CountryRows): CountryData => new CountryData(r.country, r.values, r.rates);

/** The job as a worker runs it: parse the scenario again and price it from the given data. */
export function runPriceJob(input: ScenarioInput, data: readonly CountryData[]): CostResult {
  const { scenario, span } = parseScenario(input);
  return priceScenarioWith(scenario, span, data);
}
