import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParquetColumn, Store } from '../index.js';
import { openStore } from '../index.js';

let store: Store;
let duck: DuckDBInstance;
const dir = mkdtempSync(join(tmpdir(), 'tabular-'));
beforeAll(async () => {
  store = await openStore(join(dir, 't.duckdb'));
  duck = await DuckDBInstance.create(':memory:');
});
afterAll(async () => {
  duck.closeSync();
  await store.close();
});

const columns: ParquetColumn[] = [
  { name: 'id', type: 'VARCHAR' },
  { name: 'seen', type: 'TIMESTAMPTZ' },
  { name: 'n', type: 'BIGINT' },
  { name: 'ok', type: 'BOOLEAN' },
  { name: 'doc', type: 'JSON' },
];
// Real names from STOP and the ledger: commas, Cyrillic, Arabic script.
const rows = [
  { id: 'Bushehr, Ilam, Isfahan', seen: '2025-12-29T00:00:00.000Z', n: 1, ok: true, doc: JSON.stringify([{ name: 'Генпрокуратура' }]) },
  { id: 'Kurdistan', seen: '2021-07-25T06:30:00Z', n: null, ok: false, doc: JSON.stringify({ text: '#العراق' }) },
  { id: 'none', seen: null, n: 3, ok: null, doc: null },
];
async function read(buf: Buffer) {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.parquet`);
  writeFileSync(file, buf);
  const c = await duck.connect();
  const types = (await c.runAndReadAll(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${file}'))`)).getRowObjectsJS();
  const data = (
    await c.runAndReadAll(`SELECT id, epoch_ms(seen) AS seen, n, ok, doc->>'$[0].name' AS a, doc->>'text' AS b FROM read_parquet('${file}')`)
  ).getRowObjectsJS();
  c.closeSync();
  return { types: Object.fromEntries(types.map((t) => [t.column_name, t.column_type])), data };
}

describe('toParquet', () => {
  it('types each column; JSON text comes back as JSON; batches give the same file as one list', async () => {
    const whole = await read(await store.tabular.toParquet(columns, rows));
    expect(whole.types).toEqual({ id: 'VARCHAR', seen: 'TIMESTAMP WITH TIME ZONE', n: 'BIGINT', ok: 'BOOLEAN', doc: 'JSON' });
    expect(whole.data).toEqual([
      { id: 'Bushehr, Ilam, Isfahan', seen: 1766966400000n, n: 1n, ok: true, a: 'Генпрокуратура', b: null },
      { id: 'Kurdistan', seen: 1627194600000n, n: null, ok: false, a: null, b: '#العراق' },
      { id: 'none', seen: null, n: 3n, ok: null, a: null, b: null },
    ]);
    async function* batches() {
      yield rows.slice(0, 1);
      yield [];
      yield rows.slice(1);
    }
    expect(await read(await store.tabular.toParquet(columns, batches()))).toEqual(whole);
  });

  it('no rows: a file with the columns and their types', async () => {
    async function* none() {}
    for (const empty of [[], none()]) {
      const r = await read(await store.tabular.toParquet(columns, empty));
      expect(r.types).toEqual({ id: 'VARCHAR', seen: 'TIMESTAMP WITH TIME ZONE', n: 'BIGINT', ok: 'BOOLEAN', doc: 'JSON' });
      expect(r.data).toEqual([]);
    }
  });
});
