/**
 * The Store interface: everything domain code may ask of storage. Domain folders see only these
 * types (never @duckdb/*), so a ClickHouse adapter can implement the same interface later.
 * Each domain owns one repository field; records are plain JSON-able objects.
 */
import type { ThroughputRepo } from './throughput-types.js';

export type * from './throughput-types.js';

/** One event as stored: the full JSON document plus the columns used to filter it. */
export interface EventRecord {
  id: string;
  doc: Record<string, unknown>;
  category: string;
  subtype: string;
  countries: string[];
  regions: string[];
  startAt: string; // ISO instant, earliest the (partial) start date may denote
  endAt: string | null;
  status: string;
  revision: number;
  origin: string; // 'seed' | 'stop' | 'api' | 'cli' | 'detect'
  search: string; // lower-cased text for q=
  updatedAt: string;
}

export interface RevisionRecord {
  eventId: string;
  revision: number;
  action: string; // create | update | retract | restore | confirm | dismiss
  actor: string;
  reason: string | null;
  at: string;
  previous: Record<string, unknown> | null;
  current: Record<string, unknown>;
}

export interface EventLinkRecord {
  eventId: string;
  kind: string; // 'stop_row' | 'measurement_query' | 'registry_snapshot' | ...
  target: string;
  doc: Record<string, unknown> | null;
}

export interface EventQuery {
  country?: string;
  region?: string;
  category?: string;
  subtype?: string;
  from?: string; // ISO instant: events ending on/after
  to?: string; // ISO instant: events starting on/before
  q?: string;
  statuses: string[]; // which statuses to include
  origin?: string;
  after?: { startAt: string; id: string }; // keyset cursor (ordering: start_at DESC, id ASC)
  limit: number;
}

/** How many events a country has in a category, by the year the event started. */
export interface EventCountRecord {
  country: string;
  category: string;
  year: number;
  count: number;
}

/** One write of one event: the new state, its revision record, and the revision expected now. */
export interface EventWrite {
  record: EventRecord;
  revision: RevisionRecord;
  /** null = must not exist yet (create); a number = current revision must equal it. */
  expectedRevision: number | null;
  links?: EventLinkRecord[];
}

export interface IndicatorSeriesRecord {
  id: string;
  doc: Record<string, unknown>;
  country: string | null;
  origin: string;
}

export interface IndicatorValueRecord {
  seriesId: string;
  valueKey: string;
  period: string;
  value: number;
  doc: Record<string, unknown>;
}

export interface RejectRecord {
  importKind: string;
  sourceFile: string;
  line: number;
  reason: string;
  raw: string | null;
}

export interface LedgerRepo {
  getEvent(id: string): Promise<EventRecord | null>;
  listEvents(query: EventQuery): Promise<EventRecord[]>;
  countEvents(query: Omit<EventQuery, 'after' | 'limit'>): Promise<number>;
  /** Event counts per (country, category, start year) for the dashboard's maps and comparisons. */
  countEventsBy(query: Omit<EventQuery, 'after' | 'limit'>): Promise<EventCountRecord[]>;
  /** All writes in one transaction. Throws AppError PRECONDITION_FAILED / CONFLICT on a stale write. */
  writeEvents(writes: EventWrite[]): Promise<void>;
  listRevisions(id: string): Promise<RevisionRecord[]>;
  listLinks(id: string): Promise<EventLinkRecord[]>;
  /** Links of a kind across all events (e.g. which STOP rows are already imported). */
  linksOfKind(kind: string): Promise<EventLinkRecord[]>;
  addLinks(links: EventLinkRecord[]): Promise<void>;
  upsertIndicators(series: IndicatorSeriesRecord[], values: IndicatorValueRecord[]): Promise<void>;
  listIndicatorSeries(filter: { country?: string; id?: string }): Promise<IndicatorSeriesRecord[]>;
  listIndicatorValues(seriesIds: string[]): Promise<IndicatorValueRecord[]>;
  /** Replace the rejects of one import of one file (a re-import starts that file's list afresh). */
  replaceRejects(importKind: string, sourceFile: string, rejects: RejectRecord[]): Promise<void>;
  listRejects(importKind: string, sourceFile?: string): Promise<RejectRecord[]>;
}

export interface TokenRecord {
  id: string;
  name: string;
  hash: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface TokenRepo {
  insert(t: TokenRecord): Promise<void>;
  get(id: string): Promise<TokenRecord | null>;
  list(): Promise<TokenRecord[]>;
  revoke(id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
}

/** One measurement as stored (see src/measure/model.ts for the meaning of each field). */
export interface MeasurementRecord {
  id: string;
  measurement_uid: string | null;
  report_id: string | null;
  input: string | null;
  probe_cc: string;
  probe_asn: string;
  probe_network_name: string | null;
  resolver_asn: string | null;
  test_name: string;
  test_version: string | null;
  software_name: string | null;
  software_version: string | null;
  platform: string | null;
  measurement_start_time: string;
  target: string;
  anomaly: boolean;
  confirmed: boolean;
  failure: boolean;
  blocking_general: number;
  blocking_type: string | null;
  status: string;
  layers: string[];
  mechanism: string | null;
  rules: string[];
  evidence: unknown[];
  file_id: string;
  line: number;
  byte_offset: number;
  byte_length: number;
}

export interface MeasurementRejectRecord {
  file_id: string;
  path: string;
  line: number;
  byte_offset: number;
  reason: string;
  detail: string;
  raw_prefix: string | null;
}

/** The ingest manifest: one row per file identity (path, size, mtime). */
export interface IngestFileRecord {
  file_id: string;
  path: string;
  size: number;
  mtime_ms: number;
  checksum: string | null;
  status: string; // running | done | failed
  lines_read: number;
  stored: number;
  duplicates: number;
  rejected: number;
  bytes_read: number;
  started_at: string;
  finished_at: string | null;
  rules_version: string;
}

/** Filters shared by summary, list and export. Times are ISO instants or dates. */
export interface MeasurementFilter {
  probe_cc?: string;
  probe_asn?: string;
  test_name?: string;
  target?: string;
  since?: string;
  until?: string;
  status?: string;
}

export interface CellRecord {
  grain: string;
  bucket: string;
  probe_cc: string;
  probe_asn: string;
  test_name: string;
  target: string;
  n: number;
  ok: number;
  blocked: number;
  likely_blocked: number;
  down: number;
  invalid: number;
  insufficient: number;
  ok_count: number;
  anomaly_count: number;
  confirmed_count: number;
  failure_count: number;
  reports: number;
  mechanisms: Record<string, number>;
  examples: Record<string, string>;
}

export interface NetworkRecord {
  probe_cc: string;
  probe_asn: string;
  names: string[];
  measurements: number;
  anomaly_count: number;
  confirmed_count: number;
  first: string;
  last: string;
}

export interface FingerprintRecord {
  source: string;
  name: string;
  kind: string;
  scope: string | null;
  location_found: string;
  pattern_type: string;
  pattern: string;
  expected_countries: string[];
}

export interface FingerprintSourceRecord {
  source: string;
  file: string;
  checksum: string;
  count: number;
  imported_at: string;
}

/**
 * Which parts of a raw measurement to read (docs/design/020 §1, fast path): objects and lists
 * of objects as nested specs, 'json' for a value kept whole, 'body' for the one string leaf
 * (HTTP bodies) that travels beside the slim JSON instead of inside it.
 */
export type ProjectionSpec = { [key: string]: 'json' | 'body' | ProjectionSpec | [ProjectionSpec] };

/** One projected measurement: the slim JSON (spec fields only, null where absent) and its bodies in list order. */
export interface ProjectedRow {
  slim: string;
  bodies: (string | null)[] | null;
}

/** A chunk of projected rows, converted to JavaScript one row at a time (a chunk holds up to 2,048 measurements). */
export interface ProjectedChunk {
  readonly rowCount: number;
  row(i: number): ProjectedRow;
}

export interface MeasureRepo {
  /**
   * Read a JSONL(.gz) file with DuckDB's JSON reader, projected to `spec`, in file order, one
   * chunk of rows at a time. Throws (mid-stream) on a line the reader rejects; the caller then
   * goes on line by line. Stopping early (return()) cancels the read.
   */
  readProjected(path: string, spec: ProjectionSpec, opts: { maxObjectBytes: number }): AsyncIterable<ProjectedChunk>;
  /** Set DuckDB's thread count (for readProjected; it is process-wide) and return the previous one. */
  readerThreads(n: number): Promise<number>;
  getFile(fileId: string): Promise<IngestFileRecord | null>;
  listFiles(limit: number): Promise<IngestFileRecord[]>;
  /**
   * One transaction: manifest rows to (re)start (status running; their old rejects cleared), new
   * measurements (ids already stored are skipped), rejects, dirty cell keys, manifest rows to
   * finish. Returns the ids actually inserted.
   */
  writeGroup(b: { rows: MeasurementRecord[]; rejects: MeasurementRejectRecord[]; start: IngestFileRecord[]; finish: IngestFileRecord[] }, now: string): Promise<string[]>;
  /** writeGroup without manifest changes; returns how many rows were new (kept for callers of the first API). */
  writeBatch(rows: MeasurementRecord[], rejects: MeasurementRejectRecord[], now: string): Promise<number>;
  /** Recompute the aggregation cells whose keys were touched since the last refresh. */
  refreshCells(now: string): Promise<{ keys: number; cells: number }>;
  cells(f: MeasurementFilter & { grain: 'day' | 'hour' }): Promise<CellRecord[]>;
  list(f: MeasurementFilter & { limit: number; after?: { start: string; id: string } }): Promise<MeasurementRecord[]>;
  get(id: string): Promise<(MeasurementRecord & { path: string | null; ingested_at: string }) | null>;
  networks(f: { probe_cc?: string }): Promise<NetworkRecord[]>;
  rejects(f: { file_id?: string; limit: number }): Promise<MeasurementRejectRecord[]>;
  counts(): Promise<{ measurements: number; files: number; rejects: number; cells: number }>;
  replaceFingerprints(source: FingerprintSourceRecord, items: FingerprintRecord[]): Promise<void>;
  listFingerprints(): Promise<FingerprintRecord[]>;
  fingerprintSources(): Promise<FingerprintSourceRecord[]>;
}

/** One economic value (GDP, GRP, population, penetration ...) with its provenance. */
export interface EconValueRecord {
  indicator: string; // WB code (NY.GDP.MKTP.CD ...) or our own (GRP, rosstat.<column>)
  country: string; // reporting country, ISO 3166-1 alpha-2
  geo: string; // the country itself or an ISO 3166-2 region
  year: number;
  value: number; // in `unit` (currency amounts in whole currency units, not millions)
  unit: string;
  source: string;
  vintage: string;
  file: string;
}

/** An exchange rate: local currency units per US dollar, daily (YYYY-MM-DD) or annual (YYYY). */
export interface FxRateRecord {
  country: string;
  currency: string;
  kind: 'daily' | 'annual';
  period: string;
  rate: number;
  source: string;
  vintage: string;
  file: string;
}

export interface EconImportRecord {
  kind: string;
  file: string;
  sha256: string;
  valuesStored: number;
  ratesStored: number;
  rejected: number;
  source: string;
  vintage: string;
  loadedAt: string;
}

export interface CostRepo {
  /** Upsert files' values and rates and record the imports: bulk, all in one transaction. */
  saveImports(batch: { record: EconImportRecord; values: EconValueRecord[]; rates: FxRateRecord[] }[]): Promise<void>;
  findImport(kind: string, file: string): Promise<EconImportRecord | null>;
  listImports(): Promise<EconImportRecord[]>;
  /** All values reported by a country (its own and its regions'), optionally some indicators. */
  values(query: { country: string; indicators?: string[] }): Promise<EconValueRecord[]>;
  /** All exchange rates of a country's currency. */
  rates(country: string): Promise<FxRateRecord[]>;
}

/**
 * Registry (issue 7): snapshots of Russia's blocking register, their files and entries, the
 * parsed IP ranges, the 2012-2016 daily size series, and today's IP-to-AS table.
 */
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
 * A dump the domain has checked line by line and staged for the engine (src/registry/dump-stage.ts),
 * as ';'-separated UTF-8 CSV files, every field trimmed, ips and urls " | "-joined, handed over
 * as they are finished (loading overlaps staging):
 * `verbatim` parts hold consecutive lines from `firstLine` on, one row each (`ips;domain;urls;decision_body;decision_number;decision_date`,
 * no quoting; ";;;;;" where the line is not an entry), so the row number gives the line number;
 * the `general` file holds `line;...` rows with '"'-quoted fields. Tokens the engine does not
 * convert itself go to `parseToken`.
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

/** Receives the rows of one file: row by row (appenders), or a whole staged dump loaded by the engine. */
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

export interface RegistryDailyStatRecord {
  day: string;
  complete: boolean;
  records: number;
  doc: Record<string, unknown>;
}

export interface RegistryRepo {
  /**
   * Replace one file of a snapshot in one transaction: upsert the snapshot, drop the file's
   * previous rows, stream the new ones through `fill`, store the file's doc. Nothing is kept
   * if `fill` throws.
   */
  writeFile<T>(snapshot: RegistrySnapshotRecord, sourceFile: string, importedAt: string, fill: (sink: RegistrySink) => Promise<{ doc: Record<string, unknown>; result: T }>): Promise<T>;
  upsertSnapshot(s: RegistrySnapshotRecord): Promise<void>;
  listSnapshots(): Promise<RegistrySnapshotRecord[]>;
  listFiles(snapshotId?: string): Promise<RegistryFileRecord[]>;
  ipv4Ranges(snapshotId: string, decisionNumber?: string): Promise<RegistryIpv4Columns>;
  ipv6Ranges(snapshotId: string, decisionNumber?: string): Promise<RegistryIpv6Row[]>;
  decisionCounts(snapshotId: string): Promise<RegistryDecisionCount[]>;
  /** Domains of a snapshot's entries that are written as an IPv4 literal (a host named by address). */
  ipLiteralDomains(snapshotId: string): Promise<{ domain: string; decisionNumber: string }[]>;
  /** Entries whose parsed ranges contain the address (family 4 or 6). */
  findAddress(family: 4 | 6, value: bigint, limit: number): Promise<RegistryMatchRecord[]>;
  /** Entries whose domain is `domain`, or a wildcard "*.parent" covering it. */
  findDomain(domain: string, limit: number): Promise<RegistryMatchRecord[]>;
  decisionEntries(decisionNumber: string, limit: number): Promise<RegistryMatchRecord[]>;
  replaceDailyStats(sourceFile: string, rows: RegistryDailyStatRecord[]): Promise<void>;
  listDailyStats(): Promise<RegistryDailyStatRecord[]>;
  asnMeta(): Promise<Record<string, unknown> | null>;
  /** Replace the IPv4-to-AS table from a CSV (first,last,asn,org; numeric addresses) read by the engine. */
  loadAsnCsv(path: string, meta: Record<string, unknown>, loadedAt: string): Promise<number>;
  /** The AS table ordered by first address, column-wise; orgs per AS (most frequent name). */
  asnTable(): Promise<{ first: Float64Array; last: Float64Array; asn: Uint32Array; orgs: Map<number, string> }>;
}

export interface StoreInfo {
  kind: 'duckdb' | 'clickhouse';
  path: string;
  schemaVersion: number;
  extensions: { name: string; loaded: boolean; installed: boolean }[];
  engineVersion: string;
}

/** Engine-backed file formats (Parquet) for exports of any domain. */
export interface TabularWriter {
  /** Rows of scalar values, typed by the listed columns (in order), written as Parquet bytes. */
  toParquet(columns: { name: string; type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'TIMESTAMPTZ' }[], rows: Record<string, unknown>[]): Promise<Buffer>;
}

/** A crowdsourced speed-test dataset: where it comes from and under which licence (detect). */
export interface SpeedTestSourceRecord {
  dataset: string;
  name: string;
  url: string | null;
  licence: string;
  attribution: string | null;
  targetHost: string | null;
  controlNote: string | null;
  path: string;
  importedAt: string;
}

/** One speed test as the dataset publishes it (column names verbatim from the source CSV). */
export interface SpeedTestRecord {
  line: number;
  datetime_rounded: string;
  anonymized_ip: string | null;
  subnet: string | null;
  asn: number | null;
  as_country: string | null;
  as_organization: string | null;
  as_organization_iden: string | null;
  version: string | null;
  test_result: number;
  control_result: number;
  control_taco_result: number | null;
}

export interface SpeedTestFilter {
  dataset?: string;
  cc?: string;
  asn?: number;
  since?: string; // ISO instant, inclusive
  until?: string; // ISO instant, exclusive
}

/** A speed test attributed to a country and a network, with its UTC day. */
export interface SpeedTestPoint {
  dataset: string;
  as_country: string;
  asn: number;
  as_organization: string | null;
  day: string; // YYYY-MM-DD (UTC)
  test_result: number;
  control_result: number;
  control_taco_result: number | null;
}

/** Speed tests aggregated per (country, network, UTC day): what the speed-test summary shows. */
export interface SpeedTestDays {
  days: {
    as_country: string;
    asn: number;
    day: string; // YYYY-MM-DD (UTC)
    /** First non-empty as_organization of the cell in time order; null if none. */
    as_name: string | null;
    /** Tests that count (control >= minControlKbps), and those of them throttled. */
    n: number;
    k: number;
    median_target: number | null;
    median_control: number | null;
  }[];
  /** Datasets the matching tests come from. */
  datasets: string[];
}

/** Filters of the measurement-based detectors; probe_asn as OONI writes it ("AS12389"). */
export interface MeasurementSeriesFilter {
  cc?: string;
  asn?: string;
  target?: string;
  since?: string; // ISO instant, inclusive
  until?: string; // ISO instant, exclusive
}

/** One hour of one (probe_cc, probe_asn, target): valid measurements and blocked-score sums per layer. */
export interface BlockHourRow {
  probe_cc: string;
  probe_asn: string;
  target: string;
  t: number; // epoch ms of the hour
  n: number;
  dns: number;
  tcp: number;
  tls: number;
  http: number;
  /** One measurement id of the hour with the highest score, as a witness. */
  example: string | null;
}

export interface BlockSeriesRow {
  probe_cc: string;
  probe_asn: string;
  target: string;
  hours: number;
  measurements: number;
  active_hours: number;
  /** Epoch ms of the series' last observed hour. */
  last_t: number;
}

/** Measurements of one (probe_cc, probe_asn) in one hour, whatever their verdict. */
export interface VolumeHourRow {
  probe_cc: string;
  probe_asn: string;
  t: number;
  n: number;
}

export interface DetectRepo {
  /** True when the measurement tables exist and hold rows. */
  hasMeasurements(): Promise<boolean>;
  /**
   * Hourly blocked scores from the measurement verdicts, ordered by series then hour. With
   * `minActiveHours`, only series with at least that many hours whose highest layer score per
   * measurement exceeds `activeAbove` (the others cannot raise an alarm; see blockSeries).
   */
  blockHours(f: MeasurementSeriesFilter, active?: { above: number; minHours: number }): Promise<BlockHourRow[]>;
  /** Per series: observed hours, measurements, and hours whose highest layer score exceeds `activeAbove`. */
  blockSeries(f: MeasurementSeriesFilter, activeAbove: number): Promise<BlockSeriesRow[]>;
  /** Hourly measurement counts, ordered by (probe_cc, probe_asn, hour). */
  volumeHours(f: MeasurementSeriesFilter): Promise<VolumeHourRow[]>;
  upsertSpeedTestSource(s: SpeedTestSourceRecord): Promise<void>;
  /** Replace one file's rows of one dataset in one transaction; returns how many were there before. */
  replaceSpeedTestFile(dataset: string, sourceFile: string, rows: SpeedTestRecord[]): Promise<{ previous: number }>;
  listSpeedTestSources(): Promise<SpeedTestSourceRecord[]>;
  /** Tests that carry a country and an ASN, ordered by country, ASN, time. */
  speedTestPoints(f: SpeedTestFilter): Promise<SpeedTestPoint[]>;
  /** Per (country, network, day), ordered so; the same counts and medians as src/detect/throttle.ts. */
  speedTestDays(f: SpeedTestFilter, p: { minControlKbps: number; maxRatio: number }): Promise<SpeedTestDays>;
  countSpeedTests(dataset?: string): Promise<{ total: number; unattributed: number }>;
}

export interface Store {
  readonly ledger: LedgerRepo;
  readonly tokens: TokenRepo;
  readonly measure: MeasureRepo;
  readonly cost: CostRepo;
  readonly tabular: TabularWriter;
  readonly detect: DetectRepo;
  readonly registry: RegistryRepo;
  readonly throughput: ThroughputRepo;
  info(): Promise<StoreInfo>;
  /**
   * A number that changes whenever this process writes. Readers may cache anything derived
   * from the store (e.g. HTTP responses) for as long as it stays the same.
   */
  dataVersion(): number;
  close(): Promise<void>;
}
