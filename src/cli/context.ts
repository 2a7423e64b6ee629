/**
 * What every command shares: the global options (declared once, in GLOBAL_OPTIONS), the output
 * streams and how to run an op: in-process when the database is free, through the server when
 * `serve` holds it. `run(op, input)` is typed by the op's schemas.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { z } from 'zod';
import {
  executeOp,
  isPaged,
  lockPath,
  fileWithout,
  heldByServer,
  heldByServerError,
  nextCursor,
  opWrites,
  parseInput,
  readLock,
  remoteOp,
  resolveLocalPaths,
  rowFormat,
  rowsFile,
  rowsOf,
  schemaColumns,
  schemaIntColumns,
  type Op,
  type ServerLock,
} from '../op/index.js';
import { AppError, localGrant, systemClock, type ProgressReporter } from '../shared/index.js';
import { defaultDbPath, openStore, parseStoreUrl, storeUrl, type Store } from '../store/index.js';
import { cliProgress_ } from './progress.js';
import { writeOutFile } from './out-file.js';
import { escapeControls } from './terminal-text.js';
import { refuseOtherStore, storeKindInForce } from './server-store.js';

/** What a file of one page says on stderr: how many rows it holds and how to get the rest. */
function morePages(rows: number, cursor: string, fromCursor: boolean, everyRow?: string): string {
  const held = fromCursor ? `the ${rows} after the cursor given` : `the first ${rows}`;
  const all = everyRow ? ` (or splinternet ${everyRow.split('.').join(' ')} for every row)` : '';
  return `more rows: this file holds ${held}; pass --cursor ${cursor} for the next page${all}\n`;
}

export interface Globals {
  db?: string;
  json?: boolean;
  /** Store URL (clickhouse://...); the embedded --db file when absent. */
  store?: string;
}

/** The options every leaf command takes; add a global option here and to Globals. */
export const GLOBAL_OPTIONS: readonly { flags: string; description: string; key: keyof Globals }[] = [
  { flags: '--json', description: 'print machine-readable JSON on stdout (progress as NDJSON on stderr)', key: 'json' },
  { flags: '--db <path>', description: 'database file (default .splinternet/observatory.duckdb, or $SPLINTERNET_DB)', key: 'db' },
  {
    flags: '--store <url>',
    description: 'where the growing data lives: clickhouse://HOST:PORT/DATABASE?cluster=NAME (or $SPLINTERNET_STORE); default the --db file',
    key: 'store',
  },
];

/** The global options out of a command's merged options. */
export const globalsOf = (opts: Record<string, unknown>): Globals => Object.fromEntries(GLOBAL_OPTIONS.map((g) => [g.key, opts[g.key]]));

export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Raise the process exit code (e.g. 3 when rows were rejected); the highest wins. */
  setExit: (code: number) => void;
}

export const processIo = (): Omit<Io, 'setExit'> => ({ out: process.stdout, err: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY) });

/** Runs one op (typed by its schemas) on an open session. */
export type OpRunner = <I extends z.ZodType, O extends z.ZodType>(op: Op<I, O>, input: z.input<I>, progress?: ProgressReporter) => Promise<z.output<O>>;

export class CliContext {
  constructor(
    readonly globals: Globals,
    readonly io: Io,
  ) {}

  get dbPath(): string {
    return defaultDbPath(this.globals.db, this.io.env);
  }

  /** The store URL the command names (flag, else SPLINTERNET_STORE), as given; undefined when it names none. */
  get namedStore(): string | undefined {
    return storeUrl(this.globals.store, this.io.env);
  }

  /** The kind of store the command's ops use: the one it names, else the store of a server holding the --db file, else the file. */
  get storeKind(): 'duckdb' | 'clickhouse' {
    return storeKindInForce(this.namedStore, readLock(this.dbPath));
  }

  /** The store URL in force (flag, else SPLINTERNET_STORE), checked; undefined = embedded only. */
  get storeUrl(): string | undefined {
    const url = storeUrl(this.globals.store, this.io.env);
    return parseStoreUrl(url).kind === 'duckdb' ? undefined : url;
  }

  progress(): ProgressReporter {
    return cliProgress_({ json: Boolean(this.globals.json), tty: this.io.isTTY }, this.io.err);
  }

  /**
   * Run an op where the database is: via the server if one holds it, else in-process. Either
   * way the op's local paths are absolute against this process's working directory first.
   * `fileOnly`: in-process, open the --db file without the store URL (ops that read only the file).
   */
  async run<I extends z.ZodType, O extends z.ZodType>(
    op: Op<I, O>,
    raw: z.input<I>,
    progress: ProgressReporter = this.progress(),
    options: { readOnly?: boolean; fileOnly?: boolean } = {},
  ): Promise<z.output<O>> {
    const input = resolveLocalPaths(op, raw);
    const lock = readLock(this.dbPath);
    // The server runs the same op (same schema, same code): its result has the output type.
    if (lock) return (await this.remote(lock, op.name, input, progress)) as z.output<O>;
    this.refuseMissingForRead(op, input);
    // a bad value is refused before the database is opened (executeOp parses it again, the same way)
    parseInput(op, input);
    const opened = await this.open({ create: op.createsStore, readOnly: options.readOnly, fileOnly: options.fileOnly });
    if ('server' in opened) return (await this.remote(opened.server.lock, op.name, input, progress, opened.server.path)) as z.output<O>;
    try {
      return await executeOp(
        {
          store: opened.store,
          clock: systemClock,
          progress,
          actor: `cli:${userInfo().username}`,
          grant: localGrant(`cli:${userInfo().username}`),
          dbPath: this.dbPath,
        },
        op,
        input,
      );
    } finally {
      await opened.store.close();
    }
  }

  /**
   * The store opened in-process, or the server that holds its file under another name (a hard
   * link: DuckDB refuses the open, naming that server's pid), which the op then goes through.
   */
  private async open(
    options: { create?: boolean; readOnly?: boolean; fileOnly?: boolean } = {},
  ): Promise<{ store: Store } | { server: { lock: ServerLock; path: string } }> {
    try {
      // fileOnly: the --db file alone, without the store URL (a check of the file needs no shard)
      const store = options.fileOnly ? undefined : this.storeUrl;
      return { store: await openStore(this.dbPath, { store, create: options.create, readOnly: options.readOnly }) };
    } catch (e) {
      const server = heldByServer(e, this.dbPath);
      if (server) return { server };
      throw e;
    }
  }

  /**
   * Run several ops on one store handle (opened once), or through the server when one holds
   * the database; for commands that call an op many times, such as ingest-as-files-land. Local
   * paths are made absolute as in `run`. The session opens (and so may create) the embedded
   * database, so it is only for commands whose ops write.
   */
  async opSession<T>(fn: (run: OpRunner) => Promise<T>): Promise<T> {
    const found = readLock(this.dbPath);
    const opened = found ? { server: { lock: found, path: this.dbPath } } : await this.open();
    if ('server' in opened) {
      const { lock, path } = opened.server;
      return fn(
        async (op, input, progress = this.progress()) =>
          (await this.remote(lock, op.name, resolveLocalPaths(op, input), progress, path)) as z.output<typeof op.output>,
      );
    }
    const store = opened.store;
    try {
      return await fn((op, input, progress = this.progress()) =>
        executeOp(
          { store, clock: systemClock, progress, actor: `cli:${userInfo().username}`, grant: localGrant(`cli:${userInfo().username}`), dbPath: this.dbPath },
          op,
          resolveLocalPaths(op, input),
        ),
      );
    } finally {
      await store.close();
    }
  }

  /**
   * The op sent to the server the lock file names. A server that does not answer at all is named
   * with that file, and when it may be removed, since every command reads it until then.
   */
  private async remote(lock: ServerLock, name: string, input: unknown, progress: ProgressReporter, dbPath = this.dbPath): Promise<unknown> {
    refuseOtherStore(lock, dbPath, this.namedStore);
    try {
      return await remoteOp(lock.url, lock.secret, name, input, progress);
    } catch (e) {
      if (!(e instanceof AppError) || e.details.unreachable !== true) throw e;
      throw new AppError(
        'UNAVAILABLE',
        `${e.message}. ${lockPath(dbPath)} names it (pid ${lock.pid}); if no \`splinternet serve\` runs for this database, that file was left by one that stopped: remove it`,
        { cause: e, details: { ...e.details, lock_file: lockPath(dbPath), pid: lock.pid } },
      );
    }
  }

  /**
   * Only an input that writes may create the embedded database file: an op that only reads (or
   * reads for this input: a dry run, a detection without drafts), given a path where there is
   * none, is NOT_FOUND (exit 1) naming the path and what creates one, and nothing is created.
   * Its input is judged first, so a bad value stays a VALIDATION error.
   */
  private refuseMissingForRead<I extends z.ZodType>(op: Op<I, z.ZodType>, input: unknown): void {
    if (op.write === true || this.storeUrl || this.dbPath === ':memory:' || existsSync(this.dbPath)) return;
    if (opWrites(op, parseInput(op, input))) return;
    throw new AppError(
      'NOT_FOUND',
      `no database at ${this.dbPath}: a read never creates one; name an existing file with --db (or $SPLINTERNET_DB), or create it with splinternet db seed (the shipped data), db migrate (empty), serve, or an import (events add/import, ingest, ...)`,
    );
  }

  /**
   * Open the store in-process (refusing if a server holds it) for commands that need the handle;
   * `create` as in openStore; `readOnly` opens the file without migrating or repairing it.
   */
  async withStore<T>(fn: (store: Store) => Promise<T>, options: { create?: boolean; readOnly?: boolean } = {}): Promise<T> {
    if (readLock(this.dbPath)) {
      throw new AppError('STORE_LOCKED', `a server holds ${this.dbPath} (see ${lockPath(this.dbPath)}); stop it first or use commands that go through it`);
    }
    const opened = await this.open(options);
    if ('server' in opened) {
      const refused = new AppError('STORE_LOCKED', `a server holds ${this.dbPath}`, { details: { path: this.dbPath, holder_pid: opened.server.lock.pid } });
      throw heldByServerError(refused, this.dbPath, opened.server, `stop it first or use commands that go through it`);
    }
    const store = opened.store;
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  /** The answer as JSON (--json), or as `human` renders it with every control character escaped (terminal-text.ts). */
  print(result: unknown, human: (r: never) => string): void {
    this.io.out.write(this.globals.json ? JSON.stringify(result, null, 2) + '\n' : escapeControls(human(result as never), { keepLines: true }));
  }

  /**
   * Print an op's answer, or with --format (command.ts rowsOptions) write its rows as a file: to
   * stdout, or atomically to --out (then a line on stderr, or with --json a JSON line saying
   * what was written). Parquet without --out, and a file on stdout with --json, are refused
   * before the command runs (command.ts checkFileOptions). When the answer is one page of a
   * longer list the file holds that page: a line on stderr gives the next page's cursor (with
   * --json and --out the JSON line has `next_cursor` instead); the exit code is unchanged.
   */
  async output(op: Pick<Op, 'name' | 'rows' | 'output'>, result: unknown, o: Record<string, unknown>, human: (r: never) => string): Promise<void> {
    if (o.format === undefined) {
      if (o.out !== undefined) throw new AppError('USAGE', '--out needs --format csv|ndjson|parquet');
      this.print(result, human);
      return;
    }
    if (!op.rows) throw new AppError('USAGE', `${op.name} has no rows to write as a file`);
    // commander gives option values as strings
    const out = o.out as string | undefined;
    const binding = op.rows;
    // json is the answer itself (as --json prints it), written like the other formats
    const format = o.format === 'json' ? 'json' : rowFormat(o.format as string);
    if (format !== 'json') fileWithout(binding, o, (k) => `--${k.replace(/_/g, '-')}`);
    // Parquet is written by DuckDB: an in-memory store, not the database (which a server may hold).
    // It only converts rows (no table of the schema is read), so it is opened without migrating.
    const scratch = format === 'parquet' ? await openStore(':memory:', { migrate: false }) : null;
    try {
      const file =
        format === 'json'
          ? { rows: rowsOf(result, binding).length, columns: [] as string[], body: JSON.stringify(result, null, 2) + '\n' }
          : await rowsFile(result, binding, format, () => scratch!.tabular, schemaColumns(op.output, binding), schemaIntColumns(op.output, binding));
      const next = nextCursor(result);
      if (out === undefined) this.io.out.write(file.body);
      else {
        await writeOutFile(out, file.body, { force: o.force === true });
        const said = { file: out, format, rows: file.rows, columns: file.columns, ...(isPaged(result) ? { next_cursor: next } : {}) };
        if (this.globals.json) return void this.io.out.write(JSON.stringify(said) + '\n');
        this.io.err.write(`wrote ${file.rows} rows${file.columns.length ? ` (${file.columns.length} columns)` : ''} to ${out}\n`);
      }
      // the JSON answer carries next_cursor itself; a file of rows says on stderr how to go on
      if (next && format !== 'json') this.io.err.write(morePages(file.rows, next, o.cursor !== undefined, binding.export));
    } finally {
      await scratch?.close();
    }
  }
}
