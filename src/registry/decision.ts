/**
 * `registry decision NUMBER`: one decision across every snapshot that lists it: its entries,
 * the distinct IPv4 space it blocks (its own union), IPv6 apart, target versus collateral for
 * that decision alone, and the organisations hit. A number saying the order has none ("б/н" in
 * any case, "б.н.", "без номера": `unnumbered`, the rule the summary's decision count uses)
 * gathers the entries of every such spelling stored, not only those written as asked.
 */
import { AppError, type Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { splitList } from './dump-line.js';
import { attribute, loadAsTable } from './asn.js';
import { ipv6Distinct } from './analysis.js';
import { byOrganisation, collateralView, targetSets } from './collateral.js';
import { listedSize, size, unionSorted } from './intervals.js';
import { unnumbered } from './decision-key.js';

type Deps = { store: Store; clock: Clock };

/** The stored decision numbers that `num` names: itself, or for "no number" every stored spelling of it (with `num`). */
async function storedSpellings(store: Store, num: string): Promise<string[]> {
  if (!unnumbered(num)) return [num];
  const spellings = new Set([num]);
  for (const snap of await store.registry.listSnapshots())
    for (const c of await store.registry.decisionCounts(snap.id)) if (unnumbered(c.decisionNumber)) spellings.add(c.decisionNumber);
  return [...spellings].sort();
}

export async function registryDecision(deps: Deps, number: string, top = 10) {
  const num = number.trim();
  if (!num) throw new AppError('VALIDATION', 'give a decision number, e.g. 2-1779/2018', { issues: [{ path: ['number'], message: 'required' }] });
  const numbers = await storedSpellings(deps.store, num);
  const entries = await deps.store.registry.decisionEntries(numbers, 100_000);
  if (entries.length === 0) throw new AppError('NOT_FOUND', `decision "${num}" is not in any imported snapshot`);
  const table = await loadAsTable(deps);
  const snapshots = await deps.store.registry.listSnapshots();
  const perSnapshot = [];
  for (const snap of snapshots) {
    const mine = entries.filter((e) => e.snapshotId === snap.id);
    if (mine.length === 0) continue;
    const cols = await deps.store.registry.ipv4Ranges(snap.id, numbers);
    const all = unionSorted(cols.first, cols.last);
    const literals = (await deps.store.registry.ipLiteralDomains(snap.id)).filter((l) => numbers.includes(l.decisionNumber)).map((l) => l.domain);
    const input = { ranges: cols, all, decisionSets: new Map([[num, all]]), ipLiteralDomains: literals, table, top };
    const sets = targetSets(input);
    const attributed = attribute(all, table);
    perSnapshot.push({
      snapshot: snap.id,
      dump_at: snap.dumpAt,
      lower_bound: snap.lowerBound,
      // this snapshot's own bodies and dates (a row of --format csv stands for one snapshot)
      decision_bodies: [...new Set(mine.map((e) => e.decisionBody))],
      decision_dates: [...new Set(mine.map((e) => e.decisionDate).filter((d): d is string => d !== null))].sort(),
      entries: mine.length,
      with_domain: mine.filter((e) => e.domain).length,
      with_urls: mine.filter((e) => e.urls).length,
      ipv4: { distinct_addresses: size(all), listed_addresses: listedSize(cols.first, cols.last), tokens: cols.first.length },
      ipv6: { distinct_addresses: ipv6Distinct(await deps.store.registry.ipv6Ranges(snap.id, numbers)).toString() },
      collateral: collateralView(input, sets),
      organisations: byOrganisation(attributed.byAsn, table).slice(0, top),
      not_announced_today: attributed.unrouted,
    });
  }
  const bodies = [...new Set(entries.map((e) => e.decisionBody))];
  const dates = [...new Set(entries.map((e) => e.decisionDate).filter((d): d is string => d !== null))].sort();
  return {
    decision_number: num,
    decision_bodies: bodies,
    decision_dates: dates,
    first_snapshot: perSnapshot[0]?.snapshot ?? null,
    snapshots: perSnapshot,
    sample_entries: entries.slice(0, 20).map((e) => ({
      snapshot: e.snapshotId,
      source_file: e.sourceFile,
      line: e.line,
      ips: splitList(e.ips, '|'),
      domain: e.domain,
      urls: splitList(e.urls, ' | ').slice(0, 3),
    })),
    as_data: table.meta,
  };
}
