/**
 * A thin, typed wrapper over one DuckDB file. Why not use the connection directly: DuckDB lets
 * one process hold the file, and inside that process we want (a) several read connections so
 * concurrent HTTP requests run in parallel on DuckDB's threads, and (b) exactly one writer at a
 * time, each write a single transaction, so a process killed mid-write leaves nothing half-done
 * (DuckDB's WAL drops uncommitted work on reopen). All SQL is parameterised: values travel as
 * `$1..$n` parameters, never spliced into the text.
 */
import { createRequire } from 'node:module';
import type { DuckDBInstance, DuckDBConnection, DuckDBDataChunk } from '@duckdb/node-api';
import { AppError } from '../../shared/index.js';
import { pauseAt } from '../pause.js';
import { prepareSideFiles, prepareWal } from './side-files.js';

/**
 * DuckDB's Node package is CommonJS. Through require() Node loads it as such; through import()
 * it first scans every file of it for export names (about 70 ms of CPU on each process's first
 * open), which a command that opens one database pays for nothing.
 */
const loadDuckDb = (): typeof import('@duckdb/node-api') => createRequire(import.meta.url)('@duckdb/node-api') as typeof import('@duckdb/node-api');

export type Param = string | number | boolean | null | bigint;
export type Row = Record<string, unknown>;

/** What a repository needs: read rows, run statements. Both the pool and a transaction offer it. */
export interface Sql {
  all<T extends Row = Row>(sql: string, params?: Param[]): Promise<T[]>;
  run(sql: string, params?: Param[]): Promise<number>;
}

/** Normalise DuckDB's JS values: BIGINT -> number when safe, DATE/TIMESTAMP -> ISO string. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object' && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

/**
 * Rows as plain objects. Converted column by column (the library's row-object path visits
 * every value through a callback and then normalise() rebuilt every row: ~2x the CPU and most
 * of the garbage on 40k-row reads); only BIGINT/date/nested values go through normalise().
 */
async function readAll<T extends Row>(conn: DuckDBConnection, sql: string, params: Param[]): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params);
  const names = reader.deduplicatedColumnNames();
  const cols = reader.getColumnsJS() as unknown[][];
  const n = reader.currentRowCount;
  for (const col of cols) {
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (typeof v === 'bigint' || (typeof v === 'object' && v !== null)) col[i] = normalise(v);
    }
  }
  const rows = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const r: Row = {};
    for (let j = 0; j < names.length; j++) r[names[j]!] = cols[j]![i];
    rows[i] = r as T;
  }
  return rows;
}

/** Without parameters the text goes to DuckDB in one call (a script of several statements too); with them, prepared. */
async function runOne(conn: DuckDBConnection, sql: string, params: Param[]): Promise<number> {
  const result = params.length ? await conn.run(sql, params) : await conn.run(sql);
  return Number(result.rowsChanged);
}

export const connSql = (conn: DuckDBConnection): Sql => ({
  all: (sql, params = []) => readAll(conn, sql, params),
  run: (sql, params = []) => runOne(conn, sql, params),
});

/** Recognise DuckDB's "file is locked by another process" error, for a clear message. */
export function isLockError(e: unknown): boolean {
  return e instanceof Error && /Could not set lock on file|Conflicting lock is held/i.test(e.message);
}

/**
 * Recognise DuckDB's report of a damaged file: a block whose checksum fails, an instance a fatal
 * read invalidated, or a block past the file's end (a file cut short: an interrupted copy).
 */
export function isCorruptionError(e: unknown): boolean {
  return (
    e instanceof Error &&
    /Corrupt database file|does not match stored checksum|database has been invalidated|Could not read enough bytes from file/i.test(e.message)
  );
}

/** Recognise a write refused because the file system is full. */
export function isNoSpaceError(e: unknown): boolean {
  return e instanceof Error && /No space left on device/i.test(e.message);
}

/** What a user can do about a corrupt file; shared by every error that reports one. */
export const CORRUPT_ADVICE =
  'Recover: stop every process using it, then `splinternet db restore BACKUP` from a copy made by `splinternet db backup`, or rebuild a new file with `splinternet db seed` and re-run your imports; `splinternet doctor --deep` names every damaged table';

/**
 * A corruption error names the file and the way out; a full disk names the file DuckDB could not
 * write and says the failed write left nothing; any other error passes unchanged.
 */
export function storeError(path: string, e: unknown): unknown {
  if (isNoSpaceError(e)) {
    const file = /file "([^"]+)"/.exec((e as Error).message)?.[1] ?? path;
    return new AppError(
      'STORE',
      `cannot write ${file}: no space left on device; nothing of the write that failed was stored (each write is whole or absent): free space, then run the command again`,
      { cause: e, details: { no_space: true, path: file } },
    );
  }
  if (!isCorruptionError(e)) return e;
  const detail = (e as Error).message.replace(/^[A-Za-z ]*Error: /, '');
  return new AppError('STORE', `the database ${path} is corrupt (${detail}). ${CORRUPT_ADVICE}.`, { cause: e, details: { corrupt: true } });
}

const CACHE_MAX = 2000;

export class DuckDb implements Sql {
  private readonly readers: DuckDBConnection[] = [];
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiters: ((c: DuckDBConnection) => void)[] = [];
  private writeChain: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Connections of stream() reads in flight (interrupted on close). */
  private readonly streams = new Set<DuckDBConnection>();
  private onDrained?: () => void;
  /** Bumped before and after every write: cached reads are valid only within one generation. */
  private generation = 0;
  private readonly cache = new Map<string, { gen: number; rows: Row[] }>();
  /** Undoes what the open added beside the file (side-files.ts); null for a read-only or in-memory open, which writes nothing beside it. */
  private sideFiles: (() => void) | null = null;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
  ) {}

  static async open(path: string, options: { readers?: number; readOnly?: boolean } = {}): Promise<DuckDb> {
    let instance: DuckDBInstance;
    // SPLINTERNET_DUCKDB_THREADS caps the threads one open file runs queries on (DuckDB's default: one per core).
    const threads = process.env.SPLINTERNET_DUCKDB_THREADS;
    if (threads && !/^[1-9]\d{0,3}$/.test(threads))
      throw new AppError('USAGE', `SPLINTERNET_DUCKDB_THREADS must be a whole number of threads from 1 to 9999, not "${threads}"`);
    // the WAL and spill folder DuckDB makes beside a file it writes get the file's mode
    const sideFiles = options.readOnly || path === ':memory:' ? null : prepareSideFiles(path);
    try {
      // SPLINTERNET_DUCKDB_MEMORY_LIMIT (e.g. "512MB") caps DuckDB's buffer pool; DuckDB's default is 80% of RAM.
      const limit = process.env.SPLINTERNET_DUCKDB_MEMORY_LIMIT;
      // Loaded on the first open, not at start: a command refused for its flags never pays for DuckDB.
      const { DuckDBInstance } = loadDuckDb();
      instance = await DuckDBInstance.create(path, {
        ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
        ...(limit ? { memory_limit: limit } : {}),
        ...(threads ? { threads } : {}),
      });
    } catch (e) {
      sideFiles?.();
      if (isLockError(e)) {
        const holder = /PID (\d+)/.exec((e as Error).message)?.[1];
        throw new AppError(
          'STORE_LOCKED',
          `the database ${path} is held by another process${holder ? ` (pid ${holder})` : ''}. ` +
            'Wait for it to finish, or run `splinternet serve` so that CLI commands go through the server.',
          { cause: e, details: { path, ...(holder ? { holder_pid: Number(holder) } : {}) } },
        );
      }
      if (isCorruptionError(e) || isNoSpaceError(e)) throw storeError(path, e);
      throw new AppError('STORE', `cannot open the database ${path}: ${(e as Error).message}`, { cause: e });
    }
    const db = new DuckDb(path, instance, await instance.connect());
    db.sideFiles = sideFiles;
    for (let i = 0; i < (options.readers ?? 4); i++) {
      const c = await instance.connect();
      db.readers.push(c);
      db.idle.push(c);
    }
    return db;
  }

  private acquire(): Promise<DuckDBConnection> {
    const c = this.idle.pop();
    if (c) return Promise.resolve(c);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(c: DuckDBConnection): void {
    const next = this.waiters.shift();
    if (next) next(c);
    else this.idle.push(c);
    if (this.idle.length === this.readers.length && this.streams.size === 0) this.onDrained?.();
  }

  /** Resolves when no read is in flight, or false after `ms`. */
  private drained(ms: number): Promise<boolean> {
    if (this.idle.length === this.readers.length && this.streams.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.onDrained = undefined;
        resolve(false);
      }, ms);
      this.onDrained = () => {
        clearTimeout(t);
        this.onDrained = undefined;
        resolve(true);
      };
    });
  }

  private async withReader<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    if (this.closed) throw new AppError('STORE', 'the database is closed');
    const c = await this.acquire();
    try {
      return await fn(c);
    } catch (e) {
      throw storeError(this.path, e);
    } finally {
      this.release(c);
    }
  }

  all<T extends Row = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.withReader((c) => readAll<T>(c, sql, params));
  }

  /** The current write generation (odd while a write is in flight). */
  get version(): number {
    return this.generation;
  }

  /**
   * A read whose result is cached until the next write in this process. Safe because this
   * process is the file's only writer (docs/design/001). Rows are returned as shared, frozen
   * objects: callers must not mutate them.
   */
  async cachedAll<T extends Row = Row>(sql: string, params: Param[] = []): Promise<T[]> {
    const key = `${sql}\u0000${JSON.stringify(params, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`;
    const gen = this.generation;
    const hit = this.cache.get(key);
    if (hit && hit.gen === gen) return hit.rows as T[];
    const rows = await this.all<T>(sql, params);
    for (const r of rows) Object.freeze(r);
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { gen, rows });
    return rows;
  }

  /** Read a result column by column (large analytical reads: no object per row, values as JS). */
  columns(sql: string, params: Param[] = []): Promise<Record<string, unknown[]>> {
    return this.withReader(async (c) => (await c.runAndReadAll(sql, params)).getColumnsObjectJS() as Record<string, unknown[]>);
  }

  /**
   * Numeric columns straight into Float64Arrays, chunk by chunk: no JS value per row and no
   * intermediate arrays (the AS table is 412k rows x 3 columns). NULL reads as NaN.
   */
  numberColumns(sql: string, params: Param[] = []): Promise<Record<string, Float64Array>> {
    return this.withReader(async (c) => {
      const result = await c.run(sql, params);
      const names = result.columnNames();
      const chunks: { rows: number; cols: Float64Array[] }[] = [];
      let total = 0;
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        const rows = chunk.rowCount;
        const cols = names.map((_, j) => {
          const v = chunk.getColumnVector(j);
          const out = new Float64Array(rows);
          for (let i = 0; i < rows; i++) {
            const x = v.getItem(i);
            out[i] = x === null ? NaN : Number(x);
          }
          return out;
        });
        chunks.push({ rows, cols });
        total += rows;
      }
      const out: Record<string, Float64Array> = {};
      names.forEach((name, j) => {
        const col = new Float64Array(total);
        let at = 0;
        for (const ch of chunks) {
          col.set(ch.cols[j]!, at);
          at += ch.rows;
        }
        out[name] = col;
      });
      return out;
    });
  }

  /**
   * Stream a read on a connection of its own (bulk file reads must not hold a pooled reader for
   * minutes): yields each result chunk (valid until the next one is asked for); breaking out interrupts it.
   */
  async *stream(sql: string, params: Param[] = []): AsyncGenerator<DuckDBDataChunk> {
    if (this.closed) throw new AppError('STORE', 'the database is closed');
    const conn = await this.instance.connect();
    this.streams.add(conn);
    let done = false;
    try {
      const result = await conn.stream(sql, params);
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        yield chunk;
      }
      done = true;
    } catch (e) {
      throw storeError(this.path, e);
    } finally {
      if (!done) conn.interrupt();
      conn.closeSync();
      this.streams.delete(conn);
      if (this.idle.length === this.readers.length && this.streams.size === 0) this.onDrained?.();
    }
  }

  /** A single auto-committed statement, serialised with the other writes. */
  run(sql: string, params: Param[] = []): Promise<number> {
    return this.serialise(() => runOne(this.writer, sql, params));
  }

  /**
   * A single auto-committed statement that changes no data a reader caches (token last-used
   * times): serialised with the writes but leaves the generation alone, so cached responses
   * stay valid.
   */
  runUnversioned(sql: string, params: Param[] = []): Promise<number> {
    return this.serialise(() => runOne(this.writer, sql, params), false);
  }

  /** Run `fn` in one transaction on the single writer connection; roll back on any throw. */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.serialise(async () => {
      await this.writer.run('BEGIN TRANSACTION');
      try {
        const out = await fn(connSql(this.writer));
        await this.writer.run('COMMIT');
        return out;
      } catch (e) {
        await this.writer.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  /** Crash-test hook (../pause.ts): a writer calls it inside its transaction, after its rows and before COMMIT. */
  pauseInTx(phase: string, detail = ''): Promise<void> {
    return pauseAt(phase, detail);
  }

  /** Direct access to the writer for bulk paths (appenders, COPY); serialised like tx. */
  withWriter<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.serialise(() => fn(this.writer));
  }

  private serialise<T>(fn: () => Promise<T>, versioned = true): Promise<T> {
    if (this.closed) return Promise.reject(new AppError('STORE', 'the database is closed'));
    const step = versioned ? 1 : 0;
    const wrapped = async () => {
      this.generation += step;
      try {
        // DuckDB writes into a WAL already there, keeping its mode
        if (this.sideFiles) prepareWal(this.path);
        return await fn();
      } catch (e) {
        throw storeError(this.path, e);
      } finally {
        this.generation += step;
      }
    };
    const next = this.writeChain.then(wrapped, wrapped);
    this.writeChain = next.catch(() => undefined);
    return next;
  }

  /**
   * Close after the work in flight: new reads and writes are refused at once, queued writes
   * finish, reads in flight are awaited (interrupted after `graceMs`, then awaited again), so no
   * connection is closed under a running query (that used to leave a fanned-out read hanging).
   */
  async close(graceMs = 5_000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writeChain;
    if (!(await this.drained(graceMs))) {
      for (const c of this.readers) if (!this.idle.includes(c)) c.interrupt();
      for (const c of this.streams) c.interrupt();
      await this.drained(2_000);
    }
    for (const c of this.readers) c.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
    this.sideFiles?.();
  }
}
