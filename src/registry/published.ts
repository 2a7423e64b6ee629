/**
 * Which register snapshots this store's indicator series leave out. On a cluster the snapshots
 * live on the shared store while each node's ru-registry-* series live in its own --db file, so
 * a snapshot another node imported and analysed has its figures on the cluster and no values in
 * this node's series. A snapshot that speaks for its day (daySnapshot) always publishes its
 * blocked-IPv4 value (ru-registry-blocked-ipv4, which no daily row disputes), so a missing value
 * there marks the gap exactly; `registry import` of its files publishes them again here.
 */
import type { RegistrySnapshotRecord, Store } from '../store/index.js';
import { daySnapshot } from './snapshots.js';
import { snapshotLocator } from './timeline.js';

/** The series every snapshot that speaks for its day publishes a value in. */
const ALWAYS_PUBLISHED = 'ru-registry-blocked-ipv4';

/** Analysed snapshots (with figures) that speak for their day and have no value in this store's series. */
export async function unpublishedSnapshots(store: Store): Promise<RegistrySnapshotRecord[]> {
  const all = await store.registry.listSnapshots();
  const analysed = all.filter((s) => s.doc.entries !== undefined);
  if (!analysed.length) return [];
  const have = new Set(
    (await store.ledger.listIndicatorValues([ALWAYS_PUBLISHED])).map((v) => {
      const source = v.doc.source as { locator?: unknown } | undefined;
      return `${v.period}|${typeof source?.locator === 'string' ? source.locator : ''}`;
    }),
  );
  return analysed.filter((s) => {
    const day = s.dumpAt.slice(0, 10);
    return daySnapshot(all, day)?.id === s.id && !have.has(`${day}|${snapshotLocator(s.id)}`);
  });
}
