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
    // SYNTHETIC: a parameter given twice (one value would be silently ignored), and a fragment (never sent)
    ['clickhouse://127.0.0.1:8123/db?cluster=c&cluster=x', /store URL: parameter "cluster" is given more than once/],
    ['clickhouse://127.0.0.1:8123/db?cluster=x&cluster=c', /store URL: parameter "cluster" is given more than once/],
    ['clickhouse://127.0.0.1:8123/db?cluster=c&shard_http=a:1,b:2&shard_http=c:3,d:4', /store URL: parameter "shard_http" is given more than once/],
    ['clickhouse://127.0.0.1:8123/db?cluster=c#frag', /store URL: fragment is not part of a store URL/],
    ['clickhouse://127.0.0.1:8123/db#frag?cluster=c', /store URL: fragment is not part of a store URL/],
  ])('refuses %s naming the wrong part (exit 2)', (url, why) => {
    expect(() => parseStoreUrl(url)).toThrow(why);
    try {
      parseStoreUrl(url);
    } catch (e) {
      expect((e as { code: string }).code).toBe('USAGE');
    }
  });

  it.each([
    ['password', 'clickhouse://alice:S3CRET%PW@127.0.0.1:1/splinternet?cluster=x', /store URL: password is not percent-encoded/],
    ['password', 'clickhouse://alice:S3CRET%E0%A4%A@127.0.0.1:1/splinternet?cluster=x', /store URL: password is not percent-encoded/],
    ['user', 'clickhouse://al%ice:pw@127.0.0.1:1/splinternet?cluster=x', /store URL: user "al%ice" is not percent-encoded/],
    ['database', 'clickhouse://127.0.0.1:8123/spl%ZZinternet?cluster=x', /store URL: database "spl%ZZinternet" is not percent-encoded/],
    ['host', 'clickhouse://alice:S3CRET@127.0.0.%1:8123/db?cluster=x', /store URL: host "127\.0\.0\.%1:8123" cannot be parsed/],
    ['URL', 'clickhouse://alice:S3CRET@ho st:8123/db?cluster=x', /store URL: URL "clickhouse:\/\/alice:\*\*\*@ho st:8123\/db\?cluster=x" cannot be parsed/],
    ['scheme', 'alice:S3CRET@127.0.0.1:8123/db?cluster=x', /store URL: scheme missing in "alice:\*\*\*@127/],
  ])('SYNTHETIC: a percent sign that starts no escape in the %s is a usage error naming that part, never the password', (_part, url, why) => {
    let err: unknown;
    try {
      parseStoreUrl(url);
    } catch (e) {
      err = e;
    }
    expect((err as { code: string }).code).toBe('USAGE');
    expect((err as Error).message).toMatch(why);
    expect((err as Error).message).not.toMatch(/S3CRET|:pw@/);
  });
});
