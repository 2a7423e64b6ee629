/**
 * What the ledger refuses at its edge, in the same words on the CLI (`events add`, `events edit`)
 * and over HTTP (`POST`/`PUT /api/events`): a value listed twice in a set field (countries,
 * regions, tags, networks). On a shipped event (data/ledger/events/ru-2018-telegram-block.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'edge.duckdb');
const ID = 'ru-2018-telegram-block';
const shipped = JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', `${ID}.json`), 'utf8')) as Record<string, unknown>;

/** The shipped event under another id, changed by `over`, written to a file for `events add --file`. */
const fileOf = (name: string, over: Record<string, unknown>) => {
  const path = join(t.dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ ...shipped, id: name, ...over }));
  return path;
};

/** `fn` with an app on the test database and a write token. */
async function withApp<T>(fn: (app: Awaited<ReturnType<typeof appWithToken>>['app'], token: string) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    const { app, token } = await appWithToken(store, db, ['write']);
    return await fn(app, token);
  } finally {
    await store.close();
  }
}
const post = (app: Awaited<ReturnType<typeof appWithToken>>['app'], token: string, body: unknown) =>
  app.request('/api/events', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** PUT the event as GET returns it (less what the ledger sets, and `drop`), changed by `over`, at its current ETag. */
async function putChanged(app: Awaited<ReturnType<typeof appWithToken>>['app'], token: string, over: Record<string, unknown>, drop: string[] = []) {
  const get = await app.request(`/api/events/${ID}`);
  const fields = (await get.json()) as Record<string, unknown>;
  for (const k of ['links', 'measurement_evidence', 'revision', 'created_at', 'updated_at', 'region_notes', ...drop]) delete fields[k];
  return app.request(`/api/events/${ID}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': get.headers.get('etag')! },
    body: JSON.stringify({ ...fields, ...over }),
  });
}

beforeAll(async () => {
  const r = await cli(['events', 'add', '--file', packagePath('data', 'ledger', 'events', `${ID}.json`), '--db', db]);
  expect(r.code, r.err).toBe(0);
}, 60_000);
afterAll(() => t.cleanup());

describe('a value listed twice in countries, regions, tags or networks', () => {
  it('events add: exit 2 naming countries[1]; nothing stored (a SYNTHETIC repeat of RU in the shipped event)', async () => {
    const r = await cli(['events', 'add', '--file', fileOf('ru-twice', { countries: ['RU', 'RU'] }), '--json', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('countries[1]: "RU" is listed already at countries[0]');
    expect((await cli(['events', 'show', 'ru-twice', '--db', db])).code).toBe(1);
    const tags = await cli(['events', 'add', '--file', fileOf('tags-twice', { tags: ['telegram', 'telegram'] }), '--db', db]);
    expect(tags.code).toBe(2);
    expect(tags.err).toContain('tags[1]');
  });
  it('events edit --set: exit 2 naming regions[1]', async () => {
    const r = await cli(['events', 'edit', ID, '--set', 'regions=["RU-MOW","RU-MOW"]', '--set', 'scope=regional', '--reason', 'twice', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('regions[1]: "RU-MOW" is listed already at regions[0]');
  });
  it('POST and PUT /api/events: 400 naming the repeat, in the CLI words', async () => {
    await withApp(async (app, token) => {
      const res = await post(app, token, { ...shipped, id: 'ru-twice', countries: ['RU', 'RU'] });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { detail: string; errors?: { path: string }[] };
      expect(body.detail).toContain('countries[1]: "RU" is listed already at countries[0]');
      const put = await putChanged(app, token, { networks: ['AS62041', 'AS62041'], reason: 'twice' });
      expect(put.status).toBe(400);
      expect(((await put.json()) as { detail: string }).detail).toContain('networks[1]');
    });
  });
});

describe('an event dated after today', () => {
  // the CLI runs on the system clock: a year five years on has begun nowhere (SYNTHETIC dates)
  const later = String(new Date().getUTCFullYear() + 5);
  it('events add: exit 2 naming start; events edit: exit 2 naming end; nothing stored', async () => {
    const r = await cli(['events', 'add', '--file', fileOf('ru-later', { start: `${later}-05-17`, end: null }), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`start: ${later}-05-17 is in the future`);
    expect((await cli(['events', 'show', 'ru-later', '--db', db])).code).toBe(1);
    const e = await cli(['events', 'edit', ID, '--set', `end=${later}-02-01`, '--reason', 'later', '--db', db]);
    expect(e.code).toBe(2);
    expect(e.err).toContain(`end: ${later}-02-01 is in the future`);
  });
  it('POST and PUT /api/events: 400 naming start or end, by the app clock (2026-01-02)', async () => {
    await withApp(async (app, token) => {
      const res = await post(app, token, { ...shipped, id: 'ru-later', start: '2025-12-01', end: '2026-02-01' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain('end: 2026-02-01 is in the future (the latest date begun anywhere is 2026-01-02)');
      const put = await putChanged(app, token, { start: '2026-03', end: null, reason: 'later' });
      expect(put.status).toBe(400);
      expect(((await put.json()) as { detail: string }).detail).toContain('start: 2026-03 is in the future');
    });
  });
});

describe('a document edited at a revision the event has left', () => {
  it('events edit --file with the document events show printed at revision 1, now at 2: exit 1 PRECONDITION_FAILED as the PUT answers 412; at the current revision it is taken', async () => {
    const show = await cli(['events', 'show', ID, '--json', '--db', db]);
    const doc = JSON.parse(show.out) as Record<string, unknown>;
    const at = doc.revision as number;
    const moved = await cli(['events', 'edit', ID, '--set', 'tags=["telegram"]', '--reason', 'tags trim', '--db', db]);
    expect(moved.code, moved.err).toBe(0);
    const stale = join(t.dir, 'stale.json');
    writeFileSync(stale, JSON.stringify({ ...doc, end: '2020-06-20' }));
    const r = await cli(['events', 'edit', ID, '--file', stale, '--reason', 'stale body', '--json', '--db', db]);
    expect(r.code).toBe(1);
    const err = (JSON.parse(r.out) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('PRECONDITION_FAILED');
    const words = `event ${ID} is at revision ${at + 1}, not ${at}: reload it and apply your change again`;
    expect(err.message).toBe(words);
    await withApp(async (app, token) => {
      const { links: _l, measurement_evidence: _m, ...body } = doc;
      const put = await app.request(`/api/events/${ID}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, end: '2020-06-20', reason: 'stale body' }),
      });
      expect(put.status).toBe(412);
      expect(((await put.json()) as { detail: string }).detail).toBe(words);
    });
    // the document as events show prints it now (revision, timestamps, links) is taken
    const now = await cli(['events', 'show', ID, '--json', '--db', db]);
    writeFileSync(stale, JSON.stringify({ ...(JSON.parse(now.out) as object), end: '2020-06-19' }));
    const ok = await cli(['events', 'edit', ID, '--file', stale, '--reason', 'fresh body', '--json', '--db', db]);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ revision: at + 2, end: '2020-06-19', changed: true });
  });
  it('a document revision that differs from --expect-revision: exit 2 naming revision', async () => {
    const doc = JSON.parse((await cli(['events', 'show', ID, '--json', '--db', db])).out) as { revision: number };
    const file = join(t.dir, 'both.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli(['events', 'edit', ID, '--file', file, '--expect-revision', String(doc.revision - 1), '--reason', 'both', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`revision: the document says ${doc.revision}, --expect-revision says ${doc.revision - 1}`);
  });
});

describe('an edit of a retracted event', () => {
  it('events edit and PUT say to restore it first (exit 1 / 409), not that status is invalid; after restore the edit is taken', async () => {
    expect((await cli(['events', 'retract', ID, '--reason', 'testing retract', '--db', db])).code).toBe(0);
    const r = await cli(['events', 'edit', ID, '--set', 'title=Edited title', '--reason', 'fix title', '--json', '--db', db]);
    expect(r.code).toBe(1);
    const err = (JSON.parse(r.out) as { error: { code: string; message: string } }).error;
    const words = `cannot edit event ${ID}: it is retracted; restore it first (events restore, with a reason), then edit it`;
    expect(err).toMatchObject({ code: 'CONFLICT', message: words });
    await withApp(async (app, token) => {
      const put = await putChanged(app, token, { title: 'Edited title', reason: 'fix title' }, ['status']);
      expect(put.status).toBe(409);
      expect(((await put.json()) as { detail: string }).detail).toBe(words);
    });
    expect((await cli(['events', 'restore', ID, '--reason', 'testing restore', '--db', db])).code).toBe(0);
    expect((await cli(['events', 'edit', ID, '--set', 'title=Edited title', '--reason', 'fix title', '--db', db])).code).toBe(0);
  });
});

describe('a bad page size', () => {
  it('events list --limit and GET /api/events?limit= refuse it with the same code and words (SYNTHETIC values)', async () => {
    await withApp(async (app) => {
      for (const bad of ['0x10', '99999999999999999999', '0', '1.5', '-3', '1001', '+5']) {
        const r = await cli(['events', 'list', '--limit', bad, '--json', '--db', db]);
        const cliErr = (JSON.parse(r.out) as { error: { code: string; message: string } }).error;
        const res = await app.request(`/api/events?limit=${encodeURIComponent(bad)}`);
        const api = (await res.json()) as { code: string; detail: string };
        expect([bad, r.code, res.status]).toEqual([bad, 2, 400]);
        expect([bad, cliErr.code, cliErr.message]).toEqual([bad, api.code, api.detail]);
        expect(cliErr.message).toContain('limit: must be a whole number from 1 to 1000');
        // the value is named as it was sent: digits beyond the safe integers are not rounded
        const sent = /^-?\d+$/.test(bad) && Number.isSafeInteger(Number(bad)) ? bad : JSON.stringify(bad);
        expect(cliErr.message).toMatch(new RegExp(`, got ${sent.replace(/[.+"]/g, '\\$&')}$`));
      }
    });
  });
});
