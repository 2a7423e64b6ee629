/**
 * A malformed store URL given to the CLI (--store or SPLINTERNET_STORE) is a usage error: exit 2,
 * one message naming the part that is wrong, never the password and never a stack trace, on any
 * command, with or without --json.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
afterAll(() => t.cleanup());
const db = join(t.dir, 'x.duckdb');

// SYNTHETIC URLs: a password and a user with a "%" that starts no escape (as pasted unescaped)
const BAD_PASSWORD = 'clickhouse://alice:S3CRET%PW@127.0.0.1:1/splinternet?cluster=x';
const BAD_USER = 'clickhouse://al%ice:pw@127.0.0.1:1/splinternet?cluster=x';

describe('a store URL with a bad percent escape', () => {
  it('--store on a read: exit 2 naming the password, which is not shown', async () => {
    const r = await cli(['measurements', 'summary', '--cc', 'RU', '--db', db, '--store', BAD_PASSWORD]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/store URL: password is not percent-encoded/);
    expect(r.err + r.out).not.toMatch(/S3CRET|URIError|internal error|\n\s+at /);
  });

  it('doctor --json: exit 2, a USAGE error naming the user', async () => {
    const r = await cli(['doctor', '--db', db, '--store', BAD_USER, '--json']);
    expect(r.code, r.err).toBe(2);
    const body = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('USAGE');
    expect(body.error.message).toMatch(/store URL: user "al%ice" is not percent-encoded/);
    expect(r.err).not.toMatch(/URIError|\n\s+at /);
  });

  it('SPLINTERNET_STORE: exit 2 naming the password', async () => {
    const r = await cli(['events', 'list', '--db', db], { SPLINTERNET_STORE: BAD_PASSWORD });
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/store URL: password is not percent-encoded/);
    expect(r.err + r.out).not.toMatch(/S3CRET|URIError/);
  });
});
