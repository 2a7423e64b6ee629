/**
 * The measurement store's contract: OONI measurements with their verdicts, the ingest manifest and rejects, the aggregation cells, networks and fingerprints. Re-ingest never duplicates: a measurement id is stored once.
 */
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
  /** The ingest filters the file was read under (canonical JSON, src/measure/manifest-filters.ts); null when read whole. */
  filters: string | null;
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

/** One source's fingerprints, as replaced together. */
export interface FingerprintSet {
  source: FingerprintSourceRecord;
  items: FingerprintRecord[];
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

/** What the verdict rules read from one measurement (JSON text, src/measure/verdict/rule-inputs.ts) and the rule and fingerprint sets its verdict came from. */
export interface RuleInputsRecord {
  id: string;
  rules_version: string;
  fingerprints_version: string;
  inputs: string;
}

/** The verdict columns and OONI flags of a measurement: what rescoring may change. */
export type VerdictColumns = Pick<
  MeasurementRecord,
  'status' | 'layers' | 'mechanism' | 'rules' | 'evidence' | 'anomaly' | 'confirmed' | 'failure' | 'blocking_general' | 'blocking_type'
>;

/** One stored measurement as rescoring reads it: its current verdict and its rule inputs. */
export type RescoreRecord = VerdictColumns & { id: string; rules_version: string; inputs: string };

/**
 * Re-judging stored measurements from their rule inputs (`measurements rescore`). A store that
 * keeps no rule inputs does not offer it (MeasureRepo.rescore absent).
 */
export interface RescoreRepo {
  /** How many measurements match the filter, and how many of them have rule inputs. */
  counts(f: MeasurementFilter): Promise<{ measurements: number; with_inputs: number }>;
  /**
   * Every stored measurement counted once, by the rule set its verdict was computed with (null:
   * no rule inputs kept, ingested before they were), the fingerprint set (null: judged before it
   * was recorded) and the path of the file it came from.
   */
  versions(): Promise<{ rules_version: string | null; fingerprints_version: string | null; path: string | null; n: number }[]>;
  /** The next page of matching measurements that have rule inputs, in id order after `after`. */
  page(f: MeasurementFilter & { after: string | null; limit: number }): Promise<RescoreRecord[]>;
  /**
   * One transaction: the new verdicts of `changed`, the rule-set and fingerprint-set versions of
   * every id in `ids`, and the aggregation cells of the changed measurements recomputed. Returns
   * the cells written.
   */
  apply(
    changed: (VerdictColumns & { id: string })[],
    ids: string[],
    versions: { rules: string; fingerprints: string },
    now: string,
  ): Promise<{ keys: number; cells: number }>;
}

export interface MeasureRepo {
  /**
   * Read a JSONL(.gz) file projected to `spec`, in file order, one chunk of rows at a time.
   * Throws (mid-stream) on a line it cannot read; the caller then goes on line by line.
   * Stopping early (return()) cancels the read.
   */
  readProjected(path: string, spec: ProjectionSpec, opts: { maxObjectBytes: number }): AsyncIterable<ProjectedChunk>;
  /** How many files' worth of parallel work readProjected may use (store-wide); returns the previous value. */
  readParallelism(n: number): Promise<number>;
  getFile(fileId: string): Promise<IngestFileRecord | null>;
  listFiles(limit: number): Promise<IngestFileRecord[]>;
  /**
   * In one read, what getFile gives for each of these ids, and the manifest rows of every read
   * of each of these paths (each size and mtime it had): the rows with any of the ids or at any
   * of the paths, by started_at.
   */
  filesOf(ids: string[], paths: string[]): Promise<IngestFileRecord[]>;
  /**
   * One transaction: manifest rows to (re)start (status running; their old rejects cleared), new
   * measurements (ids already stored are skipped), rejects, dirty cell keys, manifest rows to
   * finish, rule inputs (kept where a store keeps them; a re-read replaces an id's inputs and
   * keeps its rules_version, the version of its stored verdict).
   * Returns the ids actually inserted.
   */
  writeGroup(
    b: { rows: MeasurementRecord[]; rejects: MeasurementRejectRecord[]; start: IngestFileRecord[]; finish: IngestFileRecord[]; inputs?: RuleInputsRecord[] },
    now: string,
  ): Promise<string[]>;
  /** The measurement_uid stored for each of these ids that is stored (ids not stored are left out). */
  storedUids(ids: string[]): Promise<{ id: string; measurement_uid: string | null }[]>;
  /** writeGroup without manifest changes; returns how many rows were new (kept for callers of the first API). */
  writeBatch(rows: MeasurementRecord[], rejects: MeasurementRejectRecord[], now: string): Promise<number>;
  /**
   * Per part of the store (a ClickHouse shard; the DuckDB file): the measurements stored and
   * those the day cells count, and the files of the days where they differ.
   */
  dayCellCounts?(): Promise<{ part: string; stored: number; counted: number; paths: string[] }[]>;
  /** Recompute the aggregation cells whose keys were touched since the last refresh. */
  refreshCells(now: string): Promise<{ keys: number; cells: number }>;
  cells(f: MeasurementFilter & { grain: 'day' | 'hour' }): Promise<CellRecord[]>;
  list(f: MeasurementFilter & { limit: number; after?: { start: string; id: string } }): Promise<MeasurementRecord[]>;
  get(id: string): Promise<(MeasurementRecord & { path: string | null; ingested_at: string }) | null>;
  networks(f: { probe_cc?: string }): Promise<NetworkRecord[]>;
  rejects(f: { file_id?: string; limit: number }): Promise<MeasurementRejectRecord[]>;
  counts(): Promise<{ measurements: number; files: number; rejects: number; cells: number }>;
  /** Replace each named source's set, all in one write: a reader sees every set before or every set after. */
  replaceFingerprints(sets: FingerprintSet[]): Promise<void>;
  listFingerprints(): Promise<FingerprintRecord[]>;
  fingerprintSources(): Promise<FingerprintSourceRecord[]>;
  /** Present where the store keeps rule inputs (the embedded store). */
  readonly rescore?: RescoreRepo;
}
