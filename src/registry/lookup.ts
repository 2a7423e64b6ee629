/**
 * `registry lookup IP|DOMAIN`: is it listed, under which decision, since when. An address
 * matches every stored range containing it (a single address or a CIDR); a domain matches the
 * domain field exactly or through a "*.parent" wildcard. "Since" is the earliest decision date
 * and the first snapshot that lists it; the snapshots are partial, so absence proves nothing.
 * What is searched is read from the query by lookupQuery (a URL's host, a domain without its
 * trailing dot) and named in the answer; a domain matches in either IDNA form (domainForms),
 * and a stored domain is compared without its trailing root dot too (the store's findDomain).
 * Every match is read: the decisions, their entries, `since` and the totals count them all, and
 * `matches` is one page of them (`limit`, `cursor`, `next_cursor`; lookup-tally.ts).
 */
import { AppError, type Clock } from '../shared/index.js';
import type { RegistryMatchRecord, Store } from '../store/index.js';
import { parseIp, rangeToken, type ParsedIp } from './addresses.js';
import { loadAsTable, type AsTable } from './asn.js';
import { splitList } from './dump-line.js';
import { domainForms, lookupQuery } from './lookup-query.js';
import { decisionsOf, LOOKUP_PAGE, lookupOffset, pageOf, recordsOf } from './lookup-tally.js';

type Deps = { store: Store; clock: Clock };

/** The AS announcing an IPv4 address today (binary search in the sorted, disjoint table). */
export function asOf(t: AsTable, ip: number): { asn: number; org: string } | null {
  let lo = 0;
  let hi = t.first.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.last[mid]! < ip) lo = mid + 1;
    else if (t.first[mid]! > ip) hi = mid - 1;
    else return { asn: t.asn[mid]!, org: t.orgs.get(t.asn[mid]!) ?? '' };
  }
  return null;
}

function matchView(m: RegistryMatchRecord, lowerBound: boolean) {
  const urls = splitList(m.urls, ' | ');
  return {
    snapshot: m.snapshotId,
    dump_at: m.dumpAt,
    snapshot_lower_bound: lowerBound,
    decision_number: m.decisionNumber,
    decision_body: m.decisionBody,
    decision_date: m.decisionDate,
    matched: m.range ? rangeToken(m.range.family, m.range.first, m.range.prefix) : m.domain,
    domain: m.domain,
    ips: splitList(m.ips, '|'),
    urls: urls.slice(0, 5),
    urls_total: urls.length,
    source_file: m.sourceFile,
    line: m.line,
  };
}

const MAPPED_V4 = 0xffff00000000n;
/** An IPv4-mapped IPv6 address (::ffff:93.158.210.29) is the IPv4 address it carries: the register lists it as IPv4. */
function asIpv4(p: ParsedIp | null): ParsedIp | null {
  if (!p || p.family !== 6 || p.prefix !== 128 || p.first < MAPPED_V4 || p.first > MAPPED_V4 + 0xffffffffn) return p;
  return { ...p, family: 4, first: p.first - MAPPED_V4, last: p.last - MAPPED_V4, prefix: 32 };
}

export async function registryLookup(deps: Deps, query: string, paging: { limit?: number; cursor?: string } = {}) {
  const q = query.trim();
  const offset = lookupOffset(paging.cursor);
  const { kind, target, from } = lookupQuery(q);
  let matches: RegistryMatchRecord[];
  let as: { asn: number; org: string; as_data: string } | null = null;
  if (kind === 'ip') {
    const p = asIpv4(parseIp(target));
    if (!p) throw new AppError('VALIDATION', `"${target}" is not a valid IP address`, { issues: [{ path: ['q'], message: 'not an IPv4/IPv6 address' }] });
    matches = await deps.store.registry.findAddress(p.family, p.first);
    if (p.family === 4) {
      const t = await loadAsTable(deps);
      const hit = asOf(t, Number(p.first));
      as = hit ? { ...hit, as_data: `${t.meta.package} ${t.meta.version}: ${t.meta.note}` } : null;
    }
  } else {
    const found = await Promise.all(domainForms(target).map((d) => deps.store.registry.findDomain(d)));
    matches = found.flat();
    if (found.filter((f) => f.length > 0).length > 1)
      matches.sort(
        (a, b) => a.dumpAt.localeCompare(b.dumpAt) || a.snapshotId.localeCompare(b.snapshotId) || a.sourceFile.localeCompare(b.sourceFile) || a.line - b.line,
      );
  }
  const snaps = new Map((await deps.store.registry.listSnapshots()).map((s) => [s.id, s]));
  const dates = matches
    .map((m) => m.decisionDate)
    .filter((d): d is string => d !== null)
    .sort();
  const first = matches[0];
  const last = matches[matches.length - 1];
  if (offset > 0 && offset >= matches.length)
    throw new AppError(
      'VALIDATION',
      `cursor: ${offset} is past the end of the ${matches.length} match${matches.length === 1 ? '' : 'es'}; not a next_cursor value from a previous lookup page`,
      {
        issues: [{ path: ['cursor'], message: 'past the end of the matches' }],
      },
    );
  const { page, next_cursor } = pageOf(matches, offset, paging.limit ?? LOOKUP_PAGE);
  return {
    query: q,
    looked_up: target,
    looked_up_from: from,
    kind,
    listed: matches.length > 0,
    since: first
      ? { decision_date: dates[0] ?? null, first_snapshot: first.snapshotId, first_snapshot_dump_at: first.dumpAt, last_snapshot: last!.snapshotId }
      : null,
    decisions: decisionsOf(matches),
    matches: page.map((m) => matchView(m, snaps.get(m.snapshotId)?.lowerBound ?? true)),
    matches_total: matches.length,
    entries_total: recordsOf(matches),
    next_cursor,
    as,
    snapshots_searched: [...snaps.values()].map((s) => ({ id: s.id, lower_bound: s.lowerBound })),
    note: 'Searched the imported snapshots only; they are partial (lower bounds), so "not listed" means not listed in these files.',
  };
}
