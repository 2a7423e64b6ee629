/**
 * A speed-test dataset measures one target (dataset.json's target_host), so tests are judged per
 * target: datasets of the same target pool, datasets of different targets never do. A dataset
 * that names no target is grouped under null, apart from every named one.
 */
import type { SpeedTestSourceRecord } from '../../store/index.js';

export interface TargetDatasets {
  target: string | null;
  sources: SpeedTestSourceRecord[];
}

/** The datasets of each target, named targets in order, then the datasets that name none. */
export function datasetsByTarget(sources: readonly SpeedTestSourceRecord[]): TargetDatasets[] {
  const by = new Map<string | null, SpeedTestSourceRecord[]>();
  for (const s of sources) {
    const list = by.get(s.targetHost);
    if (list) list.push(s);
    else by.set(s.targetHost, [s]);
  }
  return [...by]
    .map(([target, list]) => ({ target, sources: list }))
    .sort((a, b) => (a.target === null ? 1 : b.target === null ? -1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
}
