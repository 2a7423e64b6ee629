/**
 * Address-space analysis of one snapshot: the exact number of distinct IPv4 addresses blocked
 * (union of ranges and single addresses, overlaps once), the same per decision and per
 * decision body, the largest ranges, IPv6 apart, whose networks (today's AS table) and
 * target versus collateral. Computed on demand from the stored ranges and cached per process
 * (keyed by the snapshot's update time and the AS dataset version).
 */
import { allSettledOrThrow, type Clock } from '../shared/index.js';
import type { RegistryIpv4Columns, RegistrySnapshotRecord, Store } from '../store/index.js';
import { rangeText } from './addresses.js';
import { attribute, loadAsTable, type AsnMeta, type AsTable } from './asn.js';
import { byOrganisation, collateralView, targetSets, type CollateralView } from './collateral.js';
import { decisionKey } from './decision-key.js';
import { listedSize, size, unionByGroup, unionSorted, type IntervalSet } from './intervals.js';
import { snapshotView, type SnapshotView } from './snapshots.js';

export interface AsnRow {
  asn: number;
  org: string;
  blocked: number;
  target: number;
  collateral: number;
  announced: number;
  share_of_announced: number;
}

export interface OrgTotals {
  org: string;
  asns: number[];
  blocked: number;
  announced: number;
  share_of_announced: number;
}

export interface DecisionRow {
  decision_number: string;
  decision_bodies: string[];
  decision_dates: string[];
  entries: number;
  ipv4_distinct: number;
  ipv4_listed: number;
}

export interface SnapshotAnalysis {
  snapshot: SnapshotView;
  method: string;
  ipv4: {
    distinct_addresses: number;
    listed_addresses: number;
    overlap_counted_twice: number;
    tokens: number;
    single_addresses: number;
    ranges: number;
    union_intervals: number;
  };
  ipv6: { tokens: number; distinct_addresses: string; note: string };
  entries: { total: number; with_ips: number; with_domain: number; with_urls: number; decisions: number };
  by_body: { decision_body: string; entries: number; decisions: number; ipv4_distinct: number }[];
  decisions: DecisionRow[];
  largest_ranges: { range: string; addresses: number; decision_number: string; decision_body: string; decision_date: string | null }[];
  collateral: CollateralView;
  asns: AsnRow[];
  organisations: OrgTotals[];
  not_announced_today: number;
  as_data: AsnMeta;
}

export const METHOD =
  'IPv4: every listed address and CIDR parsed with ip-address into an inclusive numeric range; ranges sorted and merged (overlapping, nested and adjacent ranges counted once); distinct = size of the union. ' +
  "Per decision and per body: the same union over that group only; an order without a number ('б/н') is one decision per decision body and date, never all of them one. AS attribution: sweep of the union against today's IP-to-AS table.";

/** The longest list an analysis keeps (the largest `--top`); the views cut each list to the caller's `--top`. */
export const MAX_LIST = 10_000;

const share = (blocked: number, announced: number) => (announced > 0 ? Math.round((blocked / announced) * 1e6) / 1e6 : 0);

/** Union of IPv6 ranges with BigInt (counts exceed 2^53, so they are reported as strings). */
export function ipv6Distinct(rows: { first: bigint; last: bigint }[]): bigint {
  const sorted = [...rows].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let total = 0n;
  let cur: { first: bigint; last: bigint } | null = null;
  for (const r of sorted) {
    if (cur && r.first <= cur.last + 1n) {
      if (r.last > cur.last) cur.last = r.last;
    } else {
      if (cur) total += cur.last - cur.first + 1n;
      cur = { ...r };
    }
  }
  return cur ? total + cur.last - cur.first + 1n : total;
}

/** Group the range columns by decision (decisionKey: an unnumbered order by its body and date) and by body. */
function groups(cols: RegistryIpv4Columns) {
  const numbers = [...new Set(cols.keys.map(decisionKey))];
  const bodies = [...new Set(cols.keys.map((k) => k.decisionBody))];
  const numIdx = new Map(numbers.map((n, i) => [n, i]));
  const bodyIdx = new Map(bodies.map((b, i) => [b, i]));
  const keyNum = Int32Array.from(cols.keys.map((k) => numIdx.get(decisionKey(k))!));
  const keyBody = Int32Array.from(cols.keys.map((k) => bodyIdx.get(k.decisionBody)!));
  const decOf = new Int32Array(cols.key.length);
  const bodyOf = new Int32Array(cols.key.length);
  for (let i = 0; i < cols.key.length; i++) {
    decOf[i] = keyNum[cols.key[i]!]!;
    bodyOf[i] = keyBody[cols.key[i]!]!;
  }
  return { numbers, bodies, decOf, bodyOf };
}

export async function analyseSnapshot(deps: { store: Store; clock: Clock }, snap: RegistrySnapshotRecord): Promise<SnapshotAnalysis> {
  const [cols, v6, counts, literals, files, table] = await allSettledOrThrow([
    deps.store.registry.ipv4Ranges(snap.id),
    deps.store.registry.ipv6Ranges(snap.id),
    deps.store.registry.decisionCounts(snap.id),
    deps.store.registry.ipLiteralDomains(snap.id),
    deps.store.registry.listFiles(snap.id),
    loadAsTable(deps),
  ]);
  const all = unionSorted(cols.first, cols.last);
  const g = groups(cols);
  const perDecision = unionByGroup(cols.first, cols.last, g.decOf, g.numbers.length);
  const perBody = unionByGroup(cols.first, cols.last, g.bodyOf, g.bodies.length);
  const decisionSets = new Map(g.numbers.map((n, i) => [n, perDecision[i]!]));
  const input = { ranges: cols, all, decisionSets, ipLiteralDomains: literals.map((l) => l.domain), table, top: MAX_LIST };
  const sets = targetSets(input);
  const listed = listedSize(cols.first, cols.last);
  let singles = 0;
  for (let i = 0; i < cols.first.length; i++) if (cols.first[i] === cols.last[i]) singles++;
  return {
    snapshot: snapshotView(snap, files),
    method: METHOD,
    ipv4: {
      distinct_addresses: size(all),
      listed_addresses: listed,
      overlap_counted_twice: listed - size(all),
      tokens: cols.first.length,
      single_addresses: singles,
      ranges: cols.first.length - singles,
      union_intervals: all.length,
    },
    ipv6: {
      tokens: v6.length,
      distinct_addresses: ipv6Distinct(v6).toString(),
      note: 'IPv6 is counted apart (a single /64 would dwarf all IPv4 space) and not attributed to ASes',
    },
    entries: {
      total: counts.reduce((n, c) => n + c.entries, 0),
      with_ips: counts.reduce((n, c) => n + c.withIps, 0),
      with_domain: counts.reduce((n, c) => n + c.withDomain, 0),
      with_urls: counts.reduce((n, c) => n + c.withUrls, 0),
      decisions: new Set(counts.map(decisionKey)).size,
    },
    by_body: bodyRows(counts, g.bodies, perBody),
    decisions: decisionRows(counts, cols, g, perDecision),
    largest_ranges: largestRanges(cols, MAX_LIST),
    collateral: collateralView(input, sets),
    ...asnRows(all, sets, table),
    as_data: table.meta,
  };
}

function bodyRows(counts: Awaited<ReturnType<Store['registry']['decisionCounts']>>, bodies: string[], perBody: IntervalSet[]) {
  const rows = new Map<string, { decision_body: string; entries: number; decisions: Set<string>; ipv4_distinct: number }>();
  for (const c of counts) {
    const r = rows.get(c.decisionBody) ?? { decision_body: c.decisionBody, entries: 0, decisions: new Set<string>(), ipv4_distinct: 0 };
    r.entries += c.entries;
    r.decisions.add(decisionKey(c));
    rows.set(c.decisionBody, r);
  }
  bodies.forEach((b, i) => {
    const r = rows.get(b);
    if (r) r.ipv4_distinct = size(perBody[i]!);
  });
  return [...rows.values()].map((r) => ({ ...r, decisions: r.decisions.size })).sort((a, b) => b.ipv4_distinct - a.ipv4_distinct || b.entries - a.entries);
}

function decisionRows(
  counts: Awaited<ReturnType<Store['registry']['decisionCounts']>>,
  cols: RegistryIpv4Columns,
  g: ReturnType<typeof groups>,
  perDecision: IntervalSet[],
): DecisionRow[] {
  const rows = new Map<string, DecisionRow>();
  for (const c of counts) {
    const r = rows.get(decisionKey(c)) ?? {
      decision_number: c.decisionNumber,
      decision_bodies: [],
      decision_dates: [],
      entries: 0,
      ipv4_distinct: 0,
      ipv4_listed: 0,
    };
    r.entries += c.entries;
    if (!r.decision_bodies.includes(c.decisionBody)) r.decision_bodies.push(c.decisionBody);
    if (c.decisionDate && !r.decision_dates.includes(c.decisionDate)) r.decision_dates.push(c.decisionDate);
    rows.set(decisionKey(c), r);
  }
  g.numbers.forEach((n, i) => {
    const r = rows.get(n);
    if (r) r.ipv4_distinct = size(perDecision[i]!);
  });
  for (let i = 0; i < cols.first.length; i++) {
    const r = rows.get(g.numbers[g.decOf[i]!]!);
    if (r) r.ipv4_listed += cols.last[i]! - cols.first[i]! + 1;
  }
  for (const r of rows.values()) r.decision_dates.sort();
  // unnumbered orders share a number: their bodies and dates break the tie, so every store gives one order
  const tie = (r: DecisionRow) => `${r.decision_bodies.join('\u0001')}\u0000${r.decision_dates.join('\u0001')}`;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...rows.values()].sort(
    (a, b) => b.ipv4_distinct - a.ipv4_distinct || b.entries - a.entries || a.decision_number.localeCompare(b.decision_number) || cmp(tie(a), tie(b)),
  );
}

export function largestRanges(cols: RegistryIpv4Columns, n: number): SnapshotAnalysis['largest_ranges'] {
  // The n largest ranges (single addresses left out), largest first; ties by lower address, then by
  // decision (number, body, date in byte order), so every store gives one order whatever order it read them in.
  const width = (i: number) => cols.last[i]! - cols.first[i]!;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const tie = (i: number) => {
    const k = cols.keys[cols.key[i]!]!;
    return `${k.decisionNumber}\u0000${k.decisionBody}\u0000${k.decisionDate ?? ''}`;
  };
  const ranged: number[] = [];
  for (let i = 0; i < cols.first.length; i++) if (width(i) > 0) ranged.push(i);
  const idx = ranged.sort((a, b) => width(b) - width(a) || cols.first[a]! - cols.first[b]! || cmp(tie(a), tie(b)) || a - b).slice(0, n);
  return idx.map((i) => {
    const k = cols.keys[cols.key[i]!]!;
    return {
      range: rangeText(cols.first[i]!, cols.last[i]!),
      addresses: cols.last[i]! - cols.first[i]! + 1,
      decision_number: k.decisionNumber,
      decision_body: k.decisionBody,
      decision_date: k.decisionDate,
    };
  });
}

function asnRows(all: IntervalSet, sets: ReturnType<typeof targetSets>, t: AsTable) {
  const blocked = attribute(all, t);
  const target = attribute(sets.target, t).byAsn;
  const collateral = attribute(sets.collateral, t).byAsn;
  const asns = [...blocked.byAsn].map(([asn, n]): AsnRow => {
    const announced = t.announced.get(asn) ?? 0;
    return {
      asn,
      org: t.orgs.get(asn) ?? '',
      blocked: n,
      target: target.get(asn) ?? 0,
      collateral: collateral.get(asn) ?? 0,
      announced,
      share_of_announced: share(n, announced),
    };
  });
  asns.sort((a, b) => b.blocked - a.blocked || a.asn - b.asn);
  const organisations = byOrganisation(blocked.byAsn, t).map((o): OrgTotals => {
    const announced = o.asns.reduce((n, a) => n + (t.announced.get(a) ?? 0), 0);
    return { org: o.org, asns: o.asns, blocked: o.addresses, announced, share_of_announced: share(o.addresses, announced) };
  });
  return { asns, organisations, not_announced_today: blocked.unrouted };
}
