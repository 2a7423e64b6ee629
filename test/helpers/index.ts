/**
 * Test helpers shared by unit and integration tests: a fresh store in a temp dir, an app with
 * a token, and an in-process CLI runner that captures stdout/stderr.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/ledger/index.js';
import { fixedClock } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';

export function tempDir(prefix = 'splinternet-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let template: Promise<string> | undefined;

/**
 * An empty store at the current schema, made (migrated) once per test process and removed when
 * the process exits: each temp store starts as a copy of it, which costs half the CPU of
 * migrating a new file again (design 096).
 */
function emptyTemplate(): Promise<string> {
  template ??= (async () => {
    const t = tempDir('splinternet-template-');
    process.once('exit', t.cleanup);
    const path = join(t.dir, 'empty.duckdb');
    await (await openStore(path)).close();
    return path;
  })();
  return template;
}

/** A new store at the current schema in a temp dir of its own; `cleanup` closes and removes it. */
export async function tempStore(): Promise<{ store: Store; path: string; cleanup: () => Promise<void> }> {
  const t = tempDir();
  const path = join(t.dir, 'test.duckdb');
  copyFileSync(await emptyTemplate(), path);
  const store = await openStore(path);
  return {
    store,
    path,
    cleanup: async () => {
      await store.close();
      t.cleanup();
    },
  };
}

export const clock = fixedClock('2026-01-02T03:04:05.000Z');

/** An app and a token with `scopes` (default admin: tests of scope rules pass their own). */
export async function appWithToken(store: Store, dbPath = ':memory:', scopes: string[] = ['admin']) {
  const app = createApp({ store, clock, dbPath });
  const { token } = await createToken({ store, clock }, 'test', { scopes, createdBy: 'test' });
  return { app, token };
}

/**
 * An app on a temporary store with an admin token, made before the file's tests (vitest
 * beforeAll) and removed after them: `env.app`, `env.token`, `env.t` (the store) once they run.
 */
export function appOnTempStore(): { t: Awaited<ReturnType<typeof tempStore>>; app: ReturnType<typeof createApp>; token: string } {
  const env = {} as ReturnType<typeof appOnTempStore>;
  beforeAll(async () => {
    env.t = await tempStore();
    Object.assign(env, await appWithToken(env.t.store, env.t.path));
  });
  afterAll(() => env.t?.cleanup());
  return env;
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.text += chunk.toString();
    cb();
  }
}

/** Run the CLI in-process; returns exit code and captured output. */
export async function cli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const out = new Sink();
  const err = new Sink();
  const code = await runCli(argv, { out, err, env: { ...process.env, ...env }, isTTY: false });
  return { code, out: out.text, err: err.text };
}

/** A minimal valid event for tests (synthetic). */
export const sampleEvent = (over: Record<string, unknown> = {}) => ({
  id: 'xx-2020-test-event',
  title: 'A synthetic test event',
  summary: 'Synthetic, for tests only.',
  category: 'block',
  subtype: 'platform',
  countries: ['RU'],
  regions: [],
  start: '2020-01-01',
  end: null,
  scope: 'national',
  sources: [{ url: 'https://example.org/source', title: 'Example', publisher: 'Example org', published: '2020-01-02' }],
  ...over,
});

import { spawn, type ChildProcess } from 'node:child_process';
export { BIN } from './bin.js';
import { BIN } from './bin.js';

/** Run the built CLI in a child process (as a user would, in folder `cwd` when given); resolves with code and output. */
export function runBin(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, cwd });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Start `splinternet serve` on a free port (with `extra` options, such as --store, `env`, in folder `cwd`); resolves once it prints its URL. */
export function startServer(
  db: string,
  extra: string[] = [],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void>; output: () => string; errors: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--json', '--db', db, ...extra], { env: { ...process.env, ...env }, cwd });
    let buf = '';
    let errBuf = '';
    child.stderr.on('data', (d: Buffer) => (errBuf += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        const { url } = JSON.parse(line) as { url: string };
        resolve({
          url,
          child,
          output: () => buf,
          errors: () => errBuf,
          stop: () =>
            new Promise((res) => {
              child.once('close', () => res());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('close', (code) => reject(new Error(`server exited ${code}: ${errBuf}`)));
  });
}

/** Serve an app on 127.0.0.1 over a real socket (what per-client limits need); `close` stops it. */
export async function listenLocal(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<{ base: string; close: () => void }> {
  const { serve } = await import('@hono/node-server');
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server.once('listening', r));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}
