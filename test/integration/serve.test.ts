/**
 * `splinternet serve` and the CLI on the same database (docs/design/001): while the server
 * holds the file, CLI commands go through it; a token created by the CLI authorises API
 * writes, and the same request without it gets 401.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, sampleEvent, startServer, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'served.duckdb');
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(db);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  t.cleanup();
});

describe('serve + CLI on one database', () => {
  it('binds to 127.0.0.1 by default and answers /healthz', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(existsSync(`${db}.server.json`)).toBe(true);
  });

  it('CLI writes and reads go through the server (no lock error)', async () => {
    const file = join(t.dir, 'ev.json');
    writeFileSync(file, JSON.stringify(sampleEvent({ id: 'xx-2020-via-server' })));
    const add = await runBin(['events', 'add', '--file', file, '--db', db, '--json']);
    expect(add.code, add.err).toBe(0);
    const show = await runBin(['events', 'history', 'xx-2020-via-server', '--db', db, '--json']);
    expect(JSON.parse(show.out).items[0].actor).toBe('cli-via-server');
    const bad = await runBin(['events', 'add', '--file', file, '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/already exists/);
  });

  it('a CLI-created write token can add an event over the API; a read token: 403; without one: 401', async () => {
    const reader = await runBin(['tokens', 'create', '--name', 'reader', '--db', db, '--json']);
    expect(JSON.parse(reader.out).record.scopes).toEqual(['read']);
    const tok = await runBin(['tokens', 'create', '--name', 'acceptance', '--scope', 'write', '--db', db, '--json']);
    expect(tok.code, tok.err).toBe(0);
    const { token } = JSON.parse(tok.out);
    const body = JSON.stringify(sampleEvent({ id: 'xx-2021-by-token' }));
    const anon = await fetch(`${server.url}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(anon.status).toBe(401);
    const read = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${JSON.parse(reader.out).token}` },
      body,
    });
    expect(read.status).toBe(403);
    const ok = await fetch(`${server.url}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    expect(ok.status).toBe(201);
    const list = await runBin(['events', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.out).items.map((e: { id: string }) => e.id)).toContain('xx-2021-by-token');
  });

  it('invalid input through the server still exits 2 naming the field', async () => {
    const file = join(t.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(sampleEvent({ id: 'xx-2020-bad', countries: ['ZZ'] })));
    const r = await runBin(['events', 'add', '--file', file, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.errors[0].path).toBe('countries.0');
  });
});

describe('serve: its options and the Host it answers to', () => {
  it('--import-dir naming a regular file: exit 2 naming the option, nothing served', async () => {
    const file = join(t.dir, 'not-a-folder.csv');
    writeFileSync(file, 'SYNTHETIC\n');
    const r = await runBin(['serve', '--port', '0', '--db', join(t.dir, 'other.duckdb'), '--import-dir', file, '--no-warm']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/--import-dir: not a folder: .*not-a-folder\.csv/)]);
  });

  it('--host with no host in it (empty, a space, a port) is a usage error naming --host, exit 2, nothing served', async () => {
    for (const host of ['', ' ', '127.0.0.1:80']) {
      const r = await runBin(['serve', '--port', '0', '--db', join(t.dir, 'never.duckdb'), '--host', host, '--no-warm', '--json']);
      expect([host, r.code, r.err]).toEqual([host, 2, expect.stringContaining('--host')]);
      expect(r.out).not.toMatch(/"url"/);
    }
  });

  it('--host is judged by the address bound: 127.1 is loopback (no warning, URL 127.0.0.1), 0 is every interface (warning, a URL that answers)', async () => {
    const loop = await startServer(join(t.dir, 'loop.duckdb'), ['--host', '127.1', '--no-warm']);
    try {
      const { port } = new URL(loop.url);
      expect(loop.url).toBe(`http://127.0.0.1:${port}`);
      expect((await fetch(`${loop.url}/healthz`)).status).toBe(200);
    } finally {
      await loop.stop();
    }
    expect(loop.errors()).not.toContain('warning');
    const all = await startServer(join(t.dir, 'all.duckdb'), ['--host', '0', '--no-warm']);
    try {
      const { port } = new URL(all.url);
      expect(all.url).toBe(`http://127.0.0.1:${port}`);
      expect((await fetch(`${all.url}/healthz`)).status).toBe(200);
      expect(all.errors()).toMatch(/warning: --host 0 listens on 0\.0\.0\.0 \(every interface\), which exposes the API beyond this machine/);
    } finally {
      await all.stop();
    }
  });

  it('Host names compare case-insensitively and without a trailing dot (LOCALHOST, 127.1, localhost. are loopback); every refused Host is problem+json', async () => {
    const { port } = new URL(server.url);
    const get = (host: string) =>
      new Promise<{ status: number; type: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz', headers: { host } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']) }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const host of [`LOCALHOST:${port}`, `127.1:${port}`, `LocalHost`, 'localhost.', `localhost.:${port}`, '127.0.0.1.'])
      expect([host, (await get(host)).status]).toEqual([host, 200]);
    for (const host of ['evil.example', `EVIL.example:${port}`, 'a/b', 'x@localhost']) {
      expect([host, await get(host)]).toEqual([host, { status: 403, type: 'application/problem+json' }]);
    }
  });
});
