/**
 * The published shapes of the register views: what GET /api/registry/* answers and
 * `splinternet registry ... --json` prints. src/registry/ops.ts checks the view functions'
 * return types against these, and the parity test parses real answers with them (a field
 * the views add but these omit fails it).
 */
import { z } from 'zod';

const count = z.number().int();
const asnList = z.array(count).meta({ description: 'AS numbers' });

export const AsDataSchema = z
  .object({
    package: z.string(),
    version: z.string(),
    vintage: z.string(),
    file: z.string(),
    licence: z.string(),
    attribution: z.string(),
    note: z.string(),
    rows: count.optional(),
  })
  .meta({ id: 'RegistryAsData', description: "today's IP-to-AS table the attribution used (package, version, licence)" });

export const SnapshotViewSchema = z
  .object({
    id: z.string(),
    dump_at: z.string(),
    time_basis: z.string(),
    kind: z.string(),
    complete: z.boolean(),
    lower_bound: z.boolean().meta({ description: 'true: every figure of this snapshot is a lower bound (truncated, partial or derived files)' }),
    selected_by: z.string().optional().meta({ description: 'the rule that chose this snapshot' }),
    files: z.array(
      z.object({
        file: z.string(),
        format: z.string(),
        stored: count,
        rejected: count,
        sha256: z.string(),
        provenance: z.record(z.string(), z.unknown()).nullable(),
      }),
    ),
  })
  .meta({ id: 'RegistrySnapshot' });

const OrgRowSchema = z.object({ org: z.string(), asns: asnList, addresses: count });

export const CollateralSchema = z
  .object({
    rule: z.string(),
    target: count,
    collateral: count,
    collateral_not_announced_today: count,
    named_services: z.array(
      z.object({
        decision_number: z.string(),
        service: z.string(),
        asns: asnList,
        decision_addresses: count,
        target: count,
        outside_service: count,
        asn_org_mismatches: z.array(z.string()),
      }),
    ),
    collateral_by_org: z.array(OrgRowSchema),
  })
  .meta({ id: 'RegistryCollateral', description: 'target versus collateral IPv4 addresses, collateral by organisation' });

const OrgTotalsSchema = z.object({ org: z.string(), asns: asnList, blocked: count, announced: count, share_of_announced: z.number() });

const AsnRowSchema = z.object({
  asn: count,
  org: z.string(),
  blocked: count,
  target: count,
  collateral: count,
  announced: count,
  share_of_announced: z.number(),
});

const DecisionRowSchema = z.object({
  decision_number: z.string(),
  decision_bodies: z.array(z.string()),
  decision_dates: z.array(z.string()),
  entries: count,
  ipv4_distinct: count,
  ipv4_listed: count,
});

export const RegistrySummarySchema = z
  .object({
    snapshot: SnapshotViewSchema,
    method: z.string(),
    ipv4: z.object({
      distinct_addresses: count,
      listed_addresses: count,
      overlap_counted_twice: count,
      tokens: count,
      single_addresses: count,
      ranges: count,
      union_intervals: count,
    }),
    ipv6: z.object({ tokens: count, distinct_addresses: z.string().meta({ description: 'decimal string (exceeds 2^53)' }), note: z.string() }),
    entries: z.object({ total: count, with_ips: count, with_domain: count, with_urls: count, decisions: count }),
    by_body: z.array(z.object({ decision_body: z.string(), entries: count, decisions: count, ipv4_distinct: count })),
    largest_ranges: z.array(
      z.object({ range: z.string(), addresses: count, decision_number: z.string(), decision_body: z.string(), decision_date: z.string().nullable() }),
    ),
    collateral: CollateralSchema,
    not_announced_today: count,
    as_data: AsDataSchema,
    top_decisions: z.array(DecisionRowSchema),
    top_organisations: z.array(OrgTotalsSchema),
    snapshots: z.array(
      z.object({
        id: z.string(),
        dump_at: z.string(),
        kind: z.string(),
        complete: z.boolean(),
        lower_bound: z.boolean(),
        entries: count,
        ipv4_distinct: count,
      }),
    ),
    indicators: z.string().meta({ description: 'where the snapshot series are published' }),
  })
  .meta({ id: 'RegistrySummary' });

export const RegistryAsnsSchema = z
  .object({
    snapshot: SnapshotViewSchema,
    method: z.string(),
    as_data: AsDataSchema,
    totals: z.object({ blocked: count, attributed: count, not_announced_today: count, asns: count, organisations: count }),
    organisations: z.array(OrgTotalsSchema),
    items: z.array(AsnRowSchema),
    collateral_rule: z.string(),
  })
  .meta({ id: 'RegistryAsns' });

export const RegistryDecisionSchema = z
  .object({
    decision_number: z.string(),
    decision_bodies: z.array(z.string()),
    decision_dates: z.array(z.string()),
    first_snapshot: z.string().nullable(),
    snapshots: z.array(
      z.object({
        snapshot: z.string(),
        dump_at: z.string(),
        lower_bound: z.boolean(),
        decision_bodies: z.array(z.string()).meta({ description: "the bodies of this snapshot's entries of the decision" }),
        decision_dates: z.array(z.string()).meta({ description: "the dates of this snapshot's entries of the decision, sorted" }),
        entries: count,
        with_domain: count,
        with_urls: count,
        ipv4: z.object({ distinct_addresses: count, listed_addresses: count, tokens: count }),
        ipv6: z.object({ distinct_addresses: z.string() }),
        collateral: CollateralSchema,
        organisations: z.array(OrgRowSchema),
        not_announced_today: count,
      }),
    ),
    sample_entries: z.array(
      z.object({
        snapshot: z.string(),
        source_file: z.string(),
        line: count,
        ips: z.array(z.string()),
        domain: z.string().nullable(),
        urls: z.array(z.string()),
      }),
    ),
    as_data: AsDataSchema,
  })
  .meta({ id: 'RegistryDecision' });

export const RegistryLookupSchema = z
  .object({
    query: z.string(),
    looked_up: z.string().meta({ description: 'the address or domain searched: the host of a URL, a domain in lower case without its trailing dot' }),
    looked_up_from: z.enum(['url']).nullable().meta({ description: '"url" when looked_up is the host of the URL given' }),
    kind: z.enum(['ip', 'domain']),
    listed: z.boolean(),
    since: z
      .object({ decision_date: z.string().nullable(), first_snapshot: z.string(), first_snapshot_dump_at: z.string(), last_snapshot: z.string() })
      .nullable(),
    decisions: z.array(
      z.object({
        decision_number: z.string(),
        decision_body: z.string(),
        decision_date: z.string().nullable(),
        snapshots: z.array(z.string()),
        entries: count.meta({
          description: 'register records of this decision listing the query (a record counts once, however many of its ranges hold the address)',
        }),
      }),
    ),
    matches: z.array(
      z.object({
        snapshot: z.string(),
        dump_at: z.string(),
        snapshot_lower_bound: z.boolean(),
        decision_number: z.string(),
        decision_body: z.string(),
        decision_date: z.string().nullable(),
        matched: z.string().nullable(),
        domain: z.string().nullable(),
        ips: z.array(z.string()),
        urls: z.array(z.string()),
        urls_total: count,
        source_file: z.string(),
        line: count,
      }),
    ),
    matches_total: count.meta({ description: 'every match, one per containing range of a record (or per record for a domain); `matches` is one page of them' }),
    entries_total: count.meta({ description: 'every register record listing the query' }),
    next_cursor: z.string().nullable().meta({ description: 'pass as `cursor` for the next page of `matches`; null when this page holds the last match' }),
    as: z.object({ asn: count, org: z.string(), as_data: z.string() }).nullable(),
    snapshots_searched: z.array(z.object({ id: z.string(), lower_bound: z.boolean() })),
    note: z.string(),
  })
  .meta({ id: 'RegistryLookup' });
