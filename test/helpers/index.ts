/**
 * Test helpers shared by unit and integration tests: a fresh store in a temp dir, an app with
 * a token, and an in-process CLI runner that captures stdout/stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';
import { createApp } from '../../src/server/app.js';
import { createToken } from '../../src/ledger/index.js';
import { fixedClock } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';

export function tempDir(prefix = 'splinternet-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempStore(): Promise<{ store: Store; path: string; cleanup: () => Promise<void> }> {
  const t = tempDir();
  const path = join(t.dir, 'test.duckdb');
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

export async function appWithToken(store: Store, dbPath = ':memory:') {
  const app = createApp({ store, clock, dbPath });
  const { token } = await createToken({ store, clock }, 'test');
  return { app, token };
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
