// Which store a command sent to a server runs on, judged from the server's lock file (SYNTHETIC
// locks: pid, URL and secret are never used here).
import { describe, expect, it } from 'vitest';
import type { ServerLock } from '../op/index.js';
import { AppError } from '../shared/index.js';
import { refuseOtherStore, storeKindInForce } from './server-store.js';
import { exitCodeFor } from './exit-codes.js';

const A = 'clickhouse://127.0.0.1:19300/splinternet?cluster=splinternet';
const lock = (store?: string): ServerLock => ({ pid: 4242, url: 'http://127.0.0.1:18856', secret: 's', started_at: '2026-12-07T00:00:00Z', store });
const refusal = (l: ServerLock, named: string | undefined): AppError | null => {
  try {
    refuseOtherStore(l, '/x/ch.duckdb', named);
    return null;
  } catch (e) {
    return e as AppError;
  }
};

describe('a command sent to the server that holds its --db file', () => {
  it("goes through when it names no store, or the server's (credentials, shard_http and the host's case aside)", () => {
    expect(refusal(lock('duckdb'), undefined)).toBeNull();
    expect(refusal(lock(A), undefined)).toBeNull();
    expect(refusal(lock('duckdb'), 'duckdb')).toBeNull();
    expect(refusal(lock(A), A)).toBeNull();
    expect(refusal(lock(A), 'clickhouse://reader:pw@127.0.0.1:19300/splinternet?cluster=splinternet')).toBeNull();
    expect(refusal(lock(A), `${A}&shard_http=127.0.0.1:19300,127.0.0.1:19301`)).toBeNull();
    expect(refusal(lock('clickhouse://db.example:8123/s?cluster=c'), 'clickhouse://DB.Example:8123/s?cluster=c')).toBeNull();
  });

  it.each([
    ['a cluster, the server on the --db file', 'duckdb', A],
    ['the --db file, the server on a cluster', A, 'duckdb'],
    ['another database of the same cluster', A, 'clickhouse://127.0.0.1:19300/splinternet_b?cluster=splinternet'],
    ['another cluster name', A, 'clickhouse://127.0.0.1:19300/splinternet?cluster=other'],
    ['another node', A, 'clickhouse://127.0.0.1:19400/splinternet?cluster=splinternet'],
    ['a store, the server from a build whose lock names none', undefined, A],
    ['another store, with credentials (never shown)', A, 'clickhouse://reader:pw@127.0.0.1:19300/other?cluster=splinternet'],
  ])('naming %s is refused naming both stores (STORE_LOCKED, exit 1)', (_what, has, named) => {
    const e = refusal(lock(has), named);
    expect(e?.code).toBe('STORE_LOCKED');
    expect(exitCodeFor(e!.code)).toBe(1);
    expect(e!.message).toContain('the server at http://127.0.0.1:18856 (pid 4242) holds /x/ch.duckdb with the store ');
    expect(e!.message).toContain(`this command names the store ${named.replace('reader:pw@', '')}`);
    if (has) expect(e!.message).toContain(`with the store ${has},`);
    expect(e!.details).toMatchObject({ server_store: has ?? null, requested_store: named.replace('reader:pw@', '') });
    expect(e!.message).not.toContain(':pw@');
  });

  it("runs on the store it names, else on the server's, else on the --db file", () => {
    expect(storeKindInForce(A, null)).toBe('clickhouse');
    expect(storeKindInForce(undefined, lock(A))).toBe('clickhouse');
    expect(storeKindInForce(undefined, lock('duckdb'))).toBe('duckdb');
    expect(storeKindInForce(undefined, lock(undefined))).toBe('duckdb');
    expect(storeKindInForce(undefined, null)).toBe('duckdb');
    expect(storeKindInForce('duckdb', lock(A))).toBe('duckdb');
  });
});
