import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from './url.js';

describe('store URL', () => {
  it('reads host, HTTP port, database, cluster and credentials; shows no password', () => {
    const t = parseStoreUrl('clickhouse://reader:s3cret@127.0.0.1:8123/ooni?cluster=splinternet');
    expect(t).toMatchObject({
      kind: 'clickhouse',
      host: '127.0.0.1',
      port: 8123,
      database: 'ooni',
      cluster: 'splinternet',
      user: 'reader',
      password: 's3cret',
    });
    expect(t.kind === 'clickhouse' && t.display).toBe('clickhouse://127.0.0.1:8123/ooni?cluster=splinternet');
    expect(parseStoreUrl(undefined)).toEqual({ kind: 'duckdb' });
    expect(parseStoreUrl('duckdb')).toEqual({ kind: 'duckdb' });
  });
  it.each([
    ['127.0.0.1:8123/db?cluster=c', /scheme/],
    ['http://127.0.0.1:8123/db?cluster=c', /scheme "http"/],
    ['clickhouse://127.0.0.1/db?cluster=c', /port/],
    ['clickhouse://127.0.0.1:99999/db?cluster=c', /port/],
    ['clickhouse://127.0.0.1:8123/?cluster=c', /database/],
    ['clickhouse://127.0.0.1:8123/a-b?cluster=c', /database "a-b"/],
    ['clickhouse://127.0.0.1:8123/db', /cluster/],
    ['clickhouse://127.0.0.1:8123/db?cluster=x;DROP', /cluster/],
    ['clickhouse://127.0.0.1:8123/db?cluster=c&foo=1', /parameter "foo"/],
    ['clickhouse://127.0.0.1:8123/db?cluster=c&shard_http=a', /shard_http/],
    // an empty value given on purpose (an unset shell variable): never silently the --db file
    ['', /store URL: is empty/],
    ['clickhouse://127.0.0.1:8123/db?cluster=c&shard_http=127.0.0.1:8123,127.0.0.1:8123', /shard_http entry "127.0.0.1:8123" is listed twice/],
    ['clickhouse://127.0.0.1:8123/db?cluster=c&shard_http=LOCALHOST:8123,localhost:8123', /shard_http entry "localhost:8123" is listed twice/],
    ['   ', /scheme/],
  ])('refuses %s naming the wrong part (exit 2)', (url, why) => {
    expect(() => parseStoreUrl(url)).toThrow(why);
    try {
      parseStoreUrl(url);
    } catch (e) {
      expect((e as { code: string }).code).toBe('USAGE');
    }
  });
});
