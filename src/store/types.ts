/**
 * The Store: everything domain code may ask of storage, composed of one contract per domain
 * (src/store/contracts/*). Domain folders see only these types, never an engine's; each adapter
 * (src/store/duckdb, src/store/clickhouse) implements them. Records are plain JSON-able objects.
 */
import type { CostRepo } from './contracts/cost.js';
import type { DetectRepo } from './contracts/detect.js';
import type { ElectionsRepo } from './contracts/elections.js';
import type { LedgerRepo } from './contracts/ledger.js';
import type { MeasureRepo } from './contracts/measure.js';
import type { RegistryRepo } from './contracts/registry.js';
import type { SignalsRepo } from './contracts/signals.js';
import type { SpeedTestRepo } from './contracts/speedtests.js';
import type { ThroughputRepo } from './contracts/throughput.js';
import type { WatchRepo } from './contracts/watch.js';
import type { TokenRepo } from './contracts/tokens.js';

export type * from './contracts/cost.js';
export type * from './contracts/detect.js';
export type * from './contracts/elections.js';
export type * from './contracts/ledger.js';
export type * from './contracts/measure.js';
export type * from './contracts/registry.js';
export type * from './contracts/signals.js';
export type * from './contracts/speedtests.js';
export type * from './contracts/throughput.js';
export type * from './contracts/watch.js';
export type * from './contracts/tokens.js';

/** Which store answers, and what it runs on (doctor, /healthz). */
export interface StoreInfo {
  kind: 'duckdb' | 'clickhouse';
  /** The file (embedded) or the URL without credentials (server). */
  path: string;
  schemaVersion: number;
  extensions: { name: string; loaded: boolean; installed: boolean }[];
  engineVersion: string;
  /** Server stores: shards of the cluster and how many answered. */
  shards?: { total: number; answering: number; hosts: { shard: number; host: string; port: number; ok: boolean; error?: string }[] };
  /** Server stores: the embedded file beside them (ledger, tokens, ...), with its own schema version. */
  embedded?: { path: string; schemaVersion: number };
}

/**
 * A database file's tables and columns against those the code's migrations up to its recorded
 * version create (Store.schemaCheck()).
 */
export interface SchemaCheck {
  /** The file's tables, by name. */
  tables: string[];
  /** The highest version its schema_migrations records (0 when it records none). */
  schemaVersion: number;
  /** The highest version this code migrates to. */
  codeSchemaVersion: number;
  /** The code's migrations the file does not record (applied by the next open for writing). */
  pending: number;
  /** Tables its version implies that the file lacks. */
  missingTables: string[];
  /** Columns (`table.column`) its version implies that the file's tables lack. */
  missingColumns: string[];
  /** Tables or columns only a later migration creates, already in the file (migrating it would fail). */
  ahead: string[];
}

/** One table read end to end by Store.verify(). */
export interface TableCheck {
  table: string;
  /** Rows read; null when the table could not be read. */
  rows: number | null;
  ok: boolean;
  error: string | null;
  /** The failure is damage to the file (bad block checksum), not a query error. */
  corrupt?: boolean;
}

/** A Parquet column: JSON is text holding a JSON value (DuckDB reads it back as JSON). */
export interface ParquetColumn {
  name: string;
  type: 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'BOOLEAN' | 'TIMESTAMPTZ' | 'JSON';
}

/** File formats (Parquet) for exports of any domain. */
export interface TabularWriter {
  /**
   * Rows of scalar values, typed by the listed columns (in order), written as Parquet bytes. The
   * rows may come in batches (an async iterable): each batch is written out before the next is read.
   */
  toParquet(columns: ParquetColumn[], rows: Record<string, unknown>[] | AsyncIterable<Record<string, unknown>[]>): Promise<Buffer>;
}

export interface Store {
  readonly ledger: LedgerRepo;
  readonly tokens: TokenRepo;
  readonly measure: MeasureRepo;
  readonly cost: CostRepo;
  readonly tabular: TabularWriter;
  readonly detect: DetectRepo;
  readonly speedtests: SpeedTestRepo;
  readonly registry: RegistryRepo;
  readonly throughput: ThroughputRepo;
  readonly elections: ElectionsRepo;
  readonly signals: SignalsRepo;
  readonly watch: WatchRepo;
  info(): Promise<StoreInfo>;
  /** Read every row of every table (embedded stores; a server store checks itself). */
  verify?(): Promise<TableCheck[]>;
  /** The file's schema against the one its recorded version implies (embedded stores); reads only. */
  schemaCheck?(): Promise<SchemaCheck>;
  /** A consistent copy of the whole database in a new file `target`, taken between writes. */
  backup?(target: string): Promise<{ path: string; bytes: number; tables: number; removed: string[] }>;
  /**
   * A number that changes whenever this process writes. Readers may cache anything derived
   * from the store (e.g. HTTP responses) for as long as it stays the same.
   */
  dataVersion(): number;
  /**
   * For a store other processes also write to (a ClickHouse cluster): look again whether the
   * shared data changed (at most once a second) and move dataVersion() if it did. Resolves once
   * dataVersion() reflects the shared data as of no earlier than one second before the call;
   * never throws. Absent where this process is the only writer.
   */
  syncDataVersion?(): Promise<void>;
  close(): Promise<void>;
}
