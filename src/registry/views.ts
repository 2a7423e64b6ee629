/**
 * What the CLI and the API show: a snapshot's summary, its ASes and organisations, one
 * decision across snapshots, and a lookup of an address or domain. Every view carries the
 * snapshot it describes (with its lower-bound flag), the method and the AS data vintage.
 */
import type { Clock } from '../shared/index.js';
import type { RegistrySnapshotRecord, Store } from '../store/index.js';
import { analyseSnapshot, type SnapshotAnalysis } from './analysis.js';
import { installedAsnDataset } from './asn.js';
import { selectSnapshot } from './snapshots.js';

type Deps = { store: Store; clock: Clock };

const cache = new Map<string, SnapshotAnalysis>();

/** The analysis of a snapshot, cached per process while the snapshot and AS data are unchanged. */
export async function cachedAnalysis(deps: Deps, snap: RegistrySnapshotRecord): Promise<SnapshotAnalysis> {
  const key = `${snap.id}|${snap.updatedAt}|${installedAsnDataset().meta.version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const a = await analyseSnapshot(deps, snap);
  if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  cache.set(key, a);
  return a;
}

async function selected(deps: Deps, snapshot?: string) {
  const sel = await selectSnapshot(deps.store, snapshot);
  const a = await cachedAnalysis(deps, sel.snapshot);
  return { ...a, snapshot: { ...a.snapshot, selected_by: sel.selectedBy } };
}

export async function registrySummary(deps: Deps, q: { snapshot?: string; top?: number }) {
  const top = q.top ?? 10;
  const a = await selected(deps, q.snapshot);
  const snapshots = (await deps.store.registry.listSnapshots()).map((s) => ({
    id: s.id,
    dump_at: s.dumpAt,
    kind: s.kind,
    complete: s.complete,
    lower_bound: s.lowerBound,
    entries: Number(s.doc.entries ?? 0),
    ipv4_distinct: Number(s.doc.ipv4_distinct ?? 0),
  }));
  const { asns: _asns, organisations, decisions, largest_ranges, ...rest } = a;
  return {
    ...rest,
    largest_ranges: largest_ranges.slice(0, top),
    top_decisions: decisions.slice(0, top),
    top_organisations: organisations.slice(0, top),
    collateral: { ...a.collateral, collateral_by_org: a.collateral.collateral_by_org.slice(0, top) },
    snapshots,
    indicators: 'GET /api/indicators?country=RU (series ru-registry-*)',
  };
}

export async function registryAsns(deps: Deps, q: { snapshot?: string; top?: number }) {
  const top = q.top ?? 20;
  const a = await selected(deps, q.snapshot);
  const attributed = a.asns.reduce((n, r) => n + r.blocked, 0);
  return {
    snapshot: a.snapshot,
    method: a.method,
    as_data: a.as_data,
    totals: {
      blocked: a.ipv4.distinct_addresses,
      attributed,
      not_announced_today: a.not_announced_today,
      asns: a.asns.length,
      organisations: a.organisations.length,
    },
    organisations: a.organisations.slice(0, top),
    items: a.asns.slice(0, top),
    collateral_rule: a.collateral.rule,
  };
}
