/**
 * What every command shares: global flags (--db, --json), the output streams and how to run
 * an op: in-process when the database is free, through the server when `serve` holds it.
 */
import { userInfo } from 'node:os';
import { lockPath, readLock } from '../server/lockfile.js';
import { executeOp } from '../server/ops/index.js';
import { toProblem } from '../server/problem.js';
import { AppError, systemClock, type ProgressReporter } from '../shared/index.js';
import { defaultDbPath, openStore, type Store } from '../store/index.js';
import { cliProgress_ } from './progress.js';

export interface Globals {
  db?: string;
  json?: boolean;
}

export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Raise the process exit code (e.g. 3 when rows were rejected); the highest wins. */
  setExit: (code: number) => void;
}

export const processIo = (): Omit<Io, 'setExit'> => ({ out: process.stdout, err: process.stderr, env: process.env, isTTY: Boolean(process.stderr.isTTY) });

export class CliContext {
  constructor(
    readonly globals: Globals,
    readonly io: Io,
  ) {}

  get dbPath(): string {
    return defaultDbPath(this.globals.db, this.io.env);
  }

  progress(): ProgressReporter {
    return cliProgress_({ json: Boolean(this.globals.json), tty: this.io.isTTY }, this.io.err);
  }

  /** Run an op where the database is: via the server if one holds it, else in-process. */
  async op<T = unknown>(name: string, input: unknown, progress: ProgressReporter = this.progress()): Promise<T> {
    const lock = readLock(this.dbPath);
    if (lock) return (await remoteOp(lock.url, lock.secret, name, input, progress)) as T;
    return this.withStore((store) =>
      executeOp({ store, clock: systemClock, progress, actor: `cli:${userInfo().username}`, dbPath: this.dbPath }, name, input),
    ) as Promise<T>;
  }

  /**
   * Run several ops on one store handle (opened once), or through the server when one holds
   * the database; for commands that call an op many times, such as ingest-as-files-land.
   */
  async opSession<T>(fn: (op: <R>(name: string, input: unknown, progress?: ProgressReporter) => Promise<R>) => Promise<T>): Promise<T> {
    const lock = readLock(this.dbPath);
    if (lock) return fn(<R>(name: string, input: unknown, progress = this.progress()) => remoteOp(lock.url, lock.secret, name, input, progress) as Promise<R>);
    return this.withStore((store) =>
      fn(<R>(name: string, input: unknown, progress = this.progress()) =>
        executeOp({ store, clock: systemClock, progress, actor: `cli:${userInfo().username}`, dbPath: this.dbPath }, name, input) as Promise<R>),
    );
  }

  /** Open the store in-process (refusing if a server holds it) for commands that need the handle. */
  async withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    if (readLock(this.dbPath)) {
      throw new AppError('STORE_LOCKED', `a server holds ${this.dbPath} (see ${lockPath(this.dbPath)}); stop it first or use commands that go through it`);
    }
    const store = await openStore(this.dbPath);
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  print(result: unknown, human: (r: never) => string): void {
    this.io.out.write(this.globals.json ? JSON.stringify(result, null, 2) + '\n' : human(result as never));
  }
}

/** POST the op to the server and relay its NDJSON stream: progress events, then the result. */
export async function remoteOp(baseUrl: string, secret: string, name: string, input: unknown, progress: ProgressReporter): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/api/_ops/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (e) {
    throw new AppError('UNAVAILABLE', `the server at ${baseUrl} holds the database but did not answer: ${(e as Error).message}`, { cause: e });
  }
  if (!res.ok || !res.body) {
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: { path: string; message: string }[] };
    throw problemToError(p, `server answered ${res.status}`);
  }
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const msg = JSON.parse(line) as { type: string; phase?: string; label?: string; total?: number; unit?: string; done?: number; counters?: Record<string, number>; result?: unknown; problem?: ReturnType<typeof toProblem> };
      if (msg.type === 'progress') {
        if (msg.phase === 'start') progress.start(msg.label ?? '', msg.total, msg.unit);
        else if (msg.phase === 'update') progress.update(msg.done ?? 0, msg.counters);
        else progress.stop();
      } else if (msg.type === 'result') return msg.result;
      else if (msg.type === 'error') throw problemToError(msg.problem ?? {}, 'the server reported an error');
    }
  }
  throw new AppError('UNAVAILABLE', 'the server closed the stream before sending a result');
}

function problemToError(p: { code?: string; detail?: string; errors?: { path: string; message: string }[] }, fallback: string): AppError {
  return new AppError((p.code as never) ?? 'INTERNAL', p.detail ?? fallback, {
    issues: (p.errors ?? []).map((e) => ({ path: e.path.split('.'), message: e.message })),
  });
}
