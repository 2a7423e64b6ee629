// Every reject of an election can be read: the import lists the first 20 and says how many there
// are and which command lists them all; `elections rejects` (CLI) and GET
// /api/elections/{id}/rejects give every one, in JSON and CSV. Data: the real Moscow 2020
// protocols (test/fixtures/elections/kobak-2020-moscow-3tik.csv) with their 73 station lines
// given twice (SYNTHETIC repetition: the second copy of each station is a duplicate_station reject).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';

describe('elections rejects', () => {
  const t = tempDir();
  const db = join(t.dir, 'el.duckdb');
  const file = join(t.dir, 'moscow-2020-twice.csv');
  let imported: { code: number; out: string };

  beforeAll(async () => {
    const lines = readFileSync(packagePath('test', 'fixtures', 'elections', 'kobak-2020-moscow-3tik.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    writeFileSync(file, [...lines, ...lines.slice(1)].join('\n') + '\n');
    imported = await cli(['elections', 'import', file, '--election', 'referendum-2020', '--db', db]);
  });
  afterAll(() => t.cleanup());

  it('the import lists 20, says there are 73 and names the command that lists them all (exit 3)', () => {
    expect(imported.code).toBe(3);
    expect(imported.out).toContain('rejects (first 20 of 73; all of them: splinternet elections rejects referendum-2020)');
  });

  it('elections rejects gives all 73 by line, --limit cuts the list and says so, CSV has every row', async () => {
    const all = await cli(['elections', 'rejects', 'referendum-2020', '--json', '--db', db]);
    expect(all.code, all.err).toBe(0);
    const doc = JSON.parse(all.out);
    expect(doc.total).toBe(73);
    expect(doc.items).toHaveLength(73);
    expect(new Set(doc.items.map((i: { reason: string }) => i.reason))).toEqual(new Set(['duplicate_station']));
    expect(doc.items.map((i: { line: number }) => i.line)).toEqual(Array.from({ length: 73 }, (_, k) => 75 + k));
    const cut = await cli(['elections', 'rejects', 'referendum-2020', '--limit', '5', '--db', db]);
    expect(cut.out).toContain('5 of 73 rejected line(s) of referendum-2020 (--limit N shows more)');
    const csv = await cli(['elections', 'rejects', 'referendum-2020', '--format', 'csv', '--db', db]);
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out.trimEnd().split('\n')).toHaveLength(74);
  });

  it('summary says how many lines were rejected and names the command that lists them; --json gives the count', async () => {
    const text = await cli(['elections', 'summary', 'referendum-2020', '--db', db]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('rejected: 73 lines of the imported files, not in these totals (all of them: splinternet elections rejects referendum-2020)');
    const doc = JSON.parse((await cli(['elections', 'summary', 'referendum-2020', '--json', '--db', db])).out);
    expect([doc.rejects_total, doc.rejects.length]).toEqual([73, 20]);
    const none = await cli(['elections', 'summary', 'referendum-2020', '--region', 'Tatarstan', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("73 lines of referendum-2020's files were rejected and are no station (splinternet elections rejects referendum-2020)");
  });

  it('an export of rejects holds every one unless --limit cuts it, and then says so', async () => {
    const all = join(t.dir, 'all.csv');
    const r = await cli(['elections', 'rejects', 'referendum-2020', '--limit', '5', '--format', 'csv', '--out', all, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('5 of 73 rejected lines written (--limit 73 writes them all)');
    const whole = await cli(['elections', 'rejects', 'referendum-2020', '--format', 'csv', '--out', join(t.dir, 'whole.csv'), '--db', db]);
    expect(whole.err).not.toMatch(/ of 73 rejected/);
    expect(readFileSync(join(t.dir, 'whole.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(74);
  });

  it('the API answers the same document, and 404 for an election not imported', async () => {
    const cliDoc = JSON.parse((await cli(['elections', 'rejects', 'referendum-2020', '--limit', '73', '--json', '--db', db])).out);
    const store = await openStore(db);
    try {
      const { app, token } = await appWithToken(store, db, ['read']);
      const h = { authorization: `Bearer ${token}` };
      const r = await app.request('/api/elections/referendum-2020/rejects?limit=73', { headers: h });
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual(cliDoc);
      expect((await app.request('/api/elections/duma-2021/rejects', { headers: h })).status).toBe(404);
      // a file holds every reject unless limit cuts it, and a cut one says how many there are
      const whole = await app.request('/api/elections/referendum-2020/rejects?format=csv', { headers: h });
      expect((await whole.text()).trimEnd().split('\n')).toHaveLength(74);
      expect(whole.headers.get('x-rows-total')).toBeNull();
      const cut = await app.request('/api/elections/referendum-2020/rejects?format=csv&limit=5', { headers: h });
      expect((await cut.text()).trimEnd().split('\n')).toHaveLength(6);
      expect(cut.headers.get('x-rows-total')).toBe('73');
    } finally {
      await store.close();
    }
  });

  it('listing rejects over HTTP needs a read token, and a reject never quotes the text of a rejected cell', async () => {
    // the real Moscow 2020 protocols with one count cell replaced by SYNTHETIC text
    const lines = readFileSync(packagePath('test', 'fixtures', 'elections', 'kobak-2020-moscow-3tik.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    const cells = lines[1]!.split(',');
    cells[4] = 'hunter2-secret';
    const secretDb = join(t.dir, 'secret.duckdb');
    const secretFile = join(t.dir, 'moscow-2020-secret.csv');
    writeFileSync(secretFile, [lines[0], cells.join(','), ...lines.slice(2)].join('\n') + '\n');
    const r = await cli(['elections', 'import', secretFile, '--election', 'referendum-2020', '--db', secretDb]);
    expect(r.out).not.toContain('hunter2');
    const local = JSON.parse((await cli(['elections', 'rejects', 'referendum-2020', '--json', '--db', secretDb])).out) as { items: { detail: string }[] };
    expect(local.items.map((i) => i.detail)).toEqual([expect.stringMatching(/^not a non-negative integer: \w+ \(column 5\)$/)]);
    const store = await openStore(secretDb);
    try {
      const { app, token } = await appWithToken(store, secretDb, ['read']);
      for (const url of ['/api/elections/referendum-2020/rejects', '/api/elections/referendum-2020/rejects?format=csv']) {
        const anon = await app.request(url);
        expect([url, anon.status]).toEqual([url, 401]);
        const read = await app.request(url, { headers: { authorization: `Bearer ${token}` } });
        expect([url, read.status]).toEqual([url, 200]);
        expect(await read.text()).not.toContain('hunter2');
      }
      const summary = await app.request('/api/elections/referendum-2020/summary');
      expect(await summary.text()).not.toContain('hunter2');
      const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get: { security?: unknown[] } }> };
      expect(doc.paths['/api/elections/{id}/rejects']!.get.security).not.toEqual([]);
    } finally {
      await store.close();
    }
  });
});
