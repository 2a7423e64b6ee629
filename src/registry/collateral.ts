/**
 * Target versus collateral. The register names hosts (single addresses, often listed with the
 * domain they served) and whole ranges. What a decision aimed at: (1) every single address the
 * register lists (the host it names), (2) a domain written as an IPv4 literal, and (3) where the
 * decision names a service (data/registry/named-services.json, e.g. Telegram under 2-1779/2018),
 * the part of that decision's ranges routed today by the service's own ASes. Every other
 * blocked address is collateral, attributed to the organisation that announces it today, or
 * "not announced today" when no AS does. An address that is a target of one decision and
 * collateral of another counts as target (once). See docs/design/040-registry-address-space.md.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../shared/index.js';
import { ipv4Number } from './addresses.js';
import { attribute, spaceOf, type AsTable } from './asn.js';
import { EMPTY, intersect, merge, size, subtract, union, unionSorted, type IntervalSet } from './intervals.js';

export interface NamedService {
  decision_number: string;
  service: string;
  asns: number[];
  org_match: string;
  ledger_event: string | null;
  source: Record<string, unknown>;
}

let services: NamedService[] | undefined;
export function namedServices(): NamedService[] {
  services ??= (JSON.parse(readFileSync(packagePath('data', 'registry', 'named-services.json'), 'utf8')) as { services: NamedService[] }).services;
  return services;
}

export const COLLATERAL_RULE =
  "target = single addresses the register lists + domains written as IPv4 literals + (for a decision naming a service) its ranges routed today by that service's ASes; collateral = every other blocked IPv4 address, by the organisation announcing it today";

export interface OrgRow {
  org: string;
  asns: number[];
  addresses: number;
}

export interface CollateralView {
  rule: string;
  target: number;
  collateral: number;
  collateral_not_announced_today: number;
  named_services: {
    decision_number: string;
    service: string;
    asns: number[];
    decision_addresses: number;
    target: number;
    outside_service: number;
    asn_org_mismatches: string[];
  }[];
  collateral_by_org: OrgRow[];
}

export interface CollateralInput {
  ranges: { first: Float64Array; last: Float64Array };
  all: IntervalSet;
  /** Union per decision number (only those named by a service are read). */
  decisionSets: Map<string, IntervalSet>;
  ipLiteralDomains: string[];
  table: AsTable;
  top: number;
}

/** Group per-AS counts by organisation name, largest first. */
export function byOrganisation(byAsn: Map<number, number>, t: AsTable): OrgRow[] {
  const orgs = new Map<string, OrgRow>();
  for (const [asn, n] of byAsn) {
    const name = t.orgs.get(asn) || `AS${asn}`;
    const row = orgs.get(name) ?? { org: name, asns: [], addresses: 0 };
    row.asns.push(asn);
    row.addresses += n;
    orgs.set(name, row);
  }
  return [...orgs.values()].map((r) => ({ ...r, asns: r.asns.sort((a, b) => a - b) })).sort((a, b) => b.addresses - a.addresses || a.org.localeCompare(b.org));
}

/** The target set and the rest, as sets (the view below summarises them). */
export function targetSets(input: CollateralInput): { target: IntervalSet; collateral: IntervalSet; named: CollateralView['named_services'] } {
  const { first, last } = input.ranges;
  const singles: number[] = [];
  for (let i = 0; i < first.length; i++) if (first[i] === last[i]) singles.push(i);
  let target = unionSorted(first, last, singles);
  const literals = input.ipLiteralDomains.map(ipv4Number).filter((n): n is number => n !== null);
  target = merge(target, intersect(union(literals.map((n) => [n, n] as const)), input.all));
  const named: CollateralView['named_services'] = [];
  for (const s of namedServices()) {
    const set = input.decisionSets.get(s.decision_number);
    if (!set) continue;
    const inService = intersect(set, spaceOf(input.table, s.asns));
    target = merge(target, inService);
    const check = s.asns.map((a) => `AS${a}: ${input.table.orgs.get(a) ?? 'not in the AS table'}`).filter((c) => !c.includes(s.org_match));
    named.push({
      decision_number: s.decision_number,
      service: s.service,
      asns: s.asns,
      decision_addresses: size(set),
      target: size(inService),
      outside_service: size(set) - size(inService),
      asn_org_mismatches: check,
    });
  }
  return { target, collateral: subtract(input.all, target), named };
}

export type TargetSets = ReturnType<typeof targetSets>;

export function collateralView(
  input: CollateralInput,
  sets: TargetSets = input.all.length ? targetSets(input) : { target: EMPTY, collateral: EMPTY, named: [] },
): CollateralView {
  const { target, collateral, named } = sets;
  const attributed = attribute(collateral, input.table);
  return {
    rule: COLLATERAL_RULE,
    target: size(target),
    collateral: size(collateral),
    collateral_not_announced_today: attributed.unrouted,
    named_services: named,
    collateral_by_org: byOrganisation(attributed.byAsn, input.table).slice(0, input.top),
  };
}
