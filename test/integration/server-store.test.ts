/**
 * A command sent to the `serve` that holds its --db file runs on the server's store. A command
 * that names another store (--store or SPLINTERNET_STORE) is refused naming both stores (exit 1),
 * and nothing is read from or written to the server's store for it; one that names the server's
 * store, or none, goes through, also the commands whose options are spread into their op's input
 * (`events list`, `events export`). Real data: the OONI QA fixture and a shipped ledger event.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { readFile } from '../helpers/kill.js';
import { cli, startServer, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'served.duckdb');
const QA = packagePath('test', 'fixtures', 'ooni-qa', 'synthetic.jsonl.gz');
// SYNTHETIC: a cluster URL nothing needs to answer at; the refusal comes before any connection
const CLUSTER = 'clickhouse://127.0.0.1:1/splinternet?cluster=splinternet';
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  const added = await cli(['events', 'add', '--file', packagePath('data', 'ledger', 'events', 'cn-2021-signal-block.json'), '--db', db]);
  expect(added.code, added.err).toBe(0);
  server = await startServer(db, ['--no-warm']);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  t.cleanup();
});

const measurements = async () => (await cli(['measurements', 'summary', '--json', '--db', db])).out;

describe('a command sent to the server that holds its --db file', () => {
  it("naming another store than the server's is refused naming both (exit 1); nothing is read or written for it", async () => {
    const before = await measurements();
    for (const [args, env] of [
      [['measurements', 'summary', '--json', '--db', db, '--store', CLUSTER], {}],
      [['ingest', QA, '--json', '--db', db, '--store', CLUSTER], {}],
      [['ingest', QA, '--json', '--db', db], { SPLINTERNET_STORE: CLUSTER }],
    ] as const) {
      const r = await cli([...args], env);
      expect(r.code, r.out + r.err).toBe(1);
      const e = (JSON.parse(r.out) as { error: { code: string; message: string; server_store: string; requested_store: string } }).error;
      expect(e.code).toBe('STORE_LOCKED');
      expect(e.message).toContain(`the server at ${server.url}`);
      expect(e.message).toContain(`holds ${db} with the store duckdb, and this command names the store ${CLUSTER}`);
      expect(e).toMatchObject({ server_store: 'duckdb', requested_store: CLUSTER });
    }
    // the refused ingest stored nothing in the server's store
    expect(await measurements()).toBe(before);
    await server.stop();
    const rows = await readFile(db, async (q) => q('SELECT count(*) AS n FROM measurements'));
    expect(rows).toBe(0);
    server = await startServer(db, ['--no-warm']);
  }, 60_000);

  it("naming the server's store, or none, goes through: events list and export included", async () => {
    for (const store of [['--store', 'duckdb'], []]) {
      const list = await cli(['events', 'list', '--limit', '1', '--json', '--db', db, ...store]);
      expect(list.code, list.out + list.err).toBe(0);
      expect((JSON.parse(list.out) as { items: { id: string }[] }).items.map((e) => e.id)).toEqual(['cn-2021-signal-block']);
      const exported = await cli(['events', 'export', '--format', 'ndjson', '--db', db, ...store]);
      expect(exported.code, exported.err).toBe(0);
      expect(exported.out).toContain('"id":"cn-2021-signal-block"');
    }
  }, 60_000);
});
