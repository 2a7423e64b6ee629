/**
 * Russia's blocking register as stored: snapshots, their files and entries, the parsed IP ranges, the 2012-2016 daily size series and the IPv4-to-AS table.
 */
import type { RejectList } from './ledger.js';

export interface RegistrySnapshotRecord {
  id: string; // '2016-06-13T12:04:00Z' (dump time known) or '2020-02-16' (date only)
  dumpAt: string; // ISO instant
  timeBasis: string; // 'header' | 'provenance' | 'option' | 'batch' | 'file_name'
  kind: string; // 'dump' | 'cidr_derived'
  complete: boolean;
  lowerBound: boolean;
  doc: Record<string, unknown>;
  updatedAt: string;
}

export interface RegistryFileRecord {
  id: number;
  snapshotId: string;
  sourceFile: string;
  doc: Record<string, unknown>;
  importedAt: string;
}

/** One register record; ips and urls are the " | "-joined lists. */
export interface RegistryEntryRow {
  line: number;
  ips: string;
  domain: string;
  urls: string;
  decisionBody: string;
  decisionNumber: string;
  decisionDate: string | null;
}

export interface RegistryRangeRow {
  line: number;
  family: 4 | 6;
  first: bigint;
  last: bigint;
  prefix: number;
}

/**
 * A dump the domain has checked line by line and written out in parts (src/registry/dump-stage.ts),
 * ';'-separated UTF-8 text, every field trimmed, ips and urls " | "-joined, handed over as they
 * are finished (loading overlaps checking):
 * `verbatim` parts hold consecutive lines from `firstLine` on, one row each (`ips;domain;urls;decision_body;decision_number;decision_date`,
 * no quoting; ";;;;;" where the line is not an entry), so the row number gives the line number;
 * the `general` file holds `line;...` rows with '"'-quoted fields. Address tokens the store does
 * not convert itself go to `parseToken`.
 */
export interface RegistryDumpRows {
  parts: AsyncIterable<{ kind: 'verbatim' | 'general'; path: string; firstLine: number }>;
  parseToken(token: string): { family: 4 | 6; first: bigint; last: bigint; prefix: number; hostBits: boolean } | null;
}

export interface RegistryDumpLoad {
  stored: number;
  ipv4: number;
  ipv6: number;
  cidr: number;
  hostBits: number;
  /** Rows not stored because a token is not an address, with their ips list. */
  badIps: { line: number; ips: string }[];
}

/** Receives the rows of one file: row by row, or a whole checked dump loaded in bulk. */
export interface RegistrySink {
  entry(e: RegistryEntryRow): void;
  range(r: RegistryRangeRow): void;
  loadDumpRows(d: RegistryDumpRows): Promise<RegistryDumpLoad>;
}

/** A snapshot's IPv4 ranges, column-wise, ordered by first then last; `key` indexes `keys`. */
export interface RegistryIpv4Columns {
  first: Float64Array;
  last: Float64Array;
  key: Int32Array;
  keys: { decisionNumber: string; decisionBody: string; decisionDate: string | null }[];
}

export interface RegistryIpv6Row {
  first: bigint;
  last: bigint;
  decisionNumber: string;
}

export interface RegistryDecisionCount {
  decisionNumber: string;
  decisionBody: string;
  decisionDate: string | null;
  entries: number;
  withDomain: number;
  withUrls: number;
  withIps: number;
}

/** An entry that matched a lookup, with where it came from. */
export interface RegistryMatchRecord extends RegistryEntryRow {
  snapshotId: string;
  dumpAt: string;
  sourceFile: string;
  /** For an address lookup: the stored range that contains the address. */
  range: { family: 4 | 6; first: bigint; prefix: number } | null;
}

/**
 * A match record from a row of stored entry columns (snake_case, as both adapters select them:
 * line, ips, domain, urls, decision_body, decision_number, decision_date), where it came from,
 * and the containing range of an address lookup (null otherwise).
 */
export function toMatchRecord(
  r: Record<string, unknown>,
  from: { snapshotId: string; dumpAt: string; sourceFile: string },
  range: RegistryMatchRecord['range'],
): RegistryMatchRecord {
  return {
    snapshotId: from.snapshotId,
    dumpAt: from.dumpAt,
    sourceFile: from.sourceFile,
    line: Number(r.line),
    range,
    ips: r.ips as string,
    domain: r.domain as string,
    urls: r.urls as string,
    decisionBody: r.decision_body as string,
    decisionNumber: r.decision_number as string,
    decisionDate: (r.decision_date as string | null) ?? null,
  };
}

export interface RegistryDailyStatRecord {
  day: string;
  complete: boolean;
  records: number;
  doc: Record<string, unknown>;
  /** The file the row was read from: given by `listDailyStats`, not needed by `replaceDailyStats`. */
  sourceFile?: string;
}

export interface RegistryRepo {
  /**
   * Replace one file of a snapshot in one transaction: upsert the snapshot, drop the file's
   * previous rows, stream the new ones through `fill`, store the file's doc. Nothing is kept
   * if `fill` throws. The rejects list `fill` returns is stored before the file is: in the same
   * transaction (DuckDB), or before the row that makes the file visible (ClickHouse, the list
   * in the embedded file), so a file recorded as imported never lacks its rejects.
   */
  writeFile<T>(
    snapshot: RegistrySnapshotRecord,
    sourceFile: string,
    importedAt: string,
    fill: (sink: RegistrySink) => Promise<{ doc: Record<string, unknown>; result: T; rejects?: RejectList }>,
  ): Promise<T>;
  upsertSnapshot(s: RegistrySnapshotRecord): Promise<void>;
  listSnapshots(): Promise<RegistrySnapshotRecord[]>;
  listFiles(snapshotId?: string): Promise<RegistryFileRecord[]>;
  /** A snapshot's IPv4 ranges; given `decisionNumbers`, only those of entries whose decision number is one of them (exactly as stored). */
  ipv4Ranges(snapshotId: string, decisionNumbers?: readonly string[]): Promise<RegistryIpv4Columns>;
  /** A snapshot's IPv6 ranges; `decisionNumbers` filters as for ipv4Ranges. */
  ipv6Ranges(snapshotId: string, decisionNumbers?: readonly string[]): Promise<RegistryIpv6Row[]>;
  decisionCounts(snapshotId: string): Promise<RegistryDecisionCount[]>;
  /** Domains of a snapshot's entries that are written as an IPv4 literal (a host named by address). */
  ipLiteralDomains(snapshotId: string): Promise<{ domain: string; decisionNumber: string }[]>;
  /**
   * Entries whose parsed ranges contain the address (family 4 or 6), one match per containing
   * range, in dump time, file, line and range order; every match when `limit` is not given.
   */
  findAddress(family: 4 | 6, value: bigint, limit?: number): Promise<RegistryMatchRecord[]>;
  /**
   * Entries whose domain, compared without its trailing root dot and case, is `domain`, or a
   * wildcard "*.parent" covering it; every match when `limit` is not given.
   */
  findDomain(domain: string, limit?: number): Promise<RegistryMatchRecord[]>;
  /** Entries whose decision number is one of `decisionNumbers` (exactly as stored), in dump order. */
  decisionEntries(decisionNumbers: readonly string[], limit: number): Promise<RegistryMatchRecord[]>;
  replaceDailyStats(sourceFile: string, rows: RegistryDailyStatRecord[]): Promise<void>;
  listDailyStats(): Promise<RegistryDailyStatRecord[]>;
  asnMeta(): Promise<Record<string, unknown> | null>;
  /** Replace the IPv4-to-AS table from a CSV (first,last,asn,org; numeric addresses) read by the store. */
  loadAsnCsv(path: string, meta: Record<string, unknown>, loadedAt: string): Promise<number>;
  /** The AS table ordered by first address, column-wise; orgs per AS (most frequent name). */
  asnTable(): Promise<{ first: Float64Array; last: Float64Array; asn: Uint32Array; orgs: Map<number, string> }>;
}
