/**
 * An event document is checked once, the same way on every path: `events add --file`,
 * `POST /api/events`, `PUT /api/events/{id}` and `events edit --set` name every invalid field in
 * one answer (a key that is no event field, each value the schema refuses, a date in the
 * future), with the same errors[] from the CLI and the API.
 * On a shipped event (data/ledger/events/ru-2018-telegram-block.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { packagePath, systemClock } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'check.duckdb');
const ID = 'ru-2018-telegram-block';
const real = JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', `${ID}.json`), 'utf8')) as Record<string, unknown>;
const sources = real.sources as Record<string, unknown>[];

/** SYNTHETIC faults on the real event: a misspelt field, four bad values, a bad URL and a source published in the future. */
const bad = {
  ...real,
  id: 'ru-2018-telegram-block-bad',
  sevrity: 1,
  category: 'nope',
  countries: ['XX', 'UK'],
  start: '2021-02-30',
  confidence: 'sure',
  sources: [
    { ...sources[0], url: 'javascript:alert(1)' },
    { ...sources[0], published: '2999-01-01' },
  ],
};
const BAD_PATHS = ['category', 'confidence', 'countries.0', 'countries.1', 'sevrity', 'sources.0.url', 'sources.1.published', 'start'];

type Issue = { path: string; message: string };
const byPath = (es: Issue[]) => [...es].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

beforeAll(async () => {
  const r = await cli(['events', 'add', '--file', packagePath('data', 'ledger', 'events', `${ID}.json`), '--db', db, '--json']);
  expect(r.code, r.err).toBe(0);
}, 60_000);
afterAll(() => t.cleanup());

describe('one check of an event document, every invalid field at once', () => {
  it('events add and POST /api/events name the same eight fields with the same messages; PUT names them too', async () => {
    const file = join(t.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(['events', 'add', '--file', file, '--db', db, '--json']);
    expect(r.code, r.err).toBe(2);
    const doc = JSON.parse(r.out) as { error: { code: string; message: string; errors: Issue[] } };
    expect(doc.error.code).toBe('VALIDATION');
    const cliErrors = byPath(doc.error.errors);
    expect(cliErrors.map((e) => e.path)).toEqual(BAD_PATHS);

    const store = await openStore(db);
    try {
      // the CLI's clock: the future-date message names today's date
      const app = createApp({ store, clock: systemClock, dbPath: db });
      const { token } = await createToken({ store, clock: systemClock }, 'test', { scopes: ['write'], createdBy: 'test' });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const post = await app.request('/api/events', { method: 'POST', headers, body: JSON.stringify(bad) });
      expect(post.status).toBe(400);
      const p = (await post.json()) as { detail: string; errors: (Issue & { pointer: string })[] };
      expect(byPath(p.errors.map(({ path, message }) => ({ path, message })))).toEqual(cliErrors);
      expect(p.detail).toBe(doc.error.message);

      // a replacement of the stored event with the same faults: the same fields, a bad revision beside them
      const put = await app.request(`/api/events/${ID}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ ...bad, id: ID, revision: 0, reason: 'x' }),
      });
      expect(put.status).toBe(400);
      const q = (await put.json()) as { errors: Issue[] };
      expect(byPath(q.errors).map((e) => e.path)).toEqual([...BAD_PATHS, 'revision'].sort());
      // checked before the event is read: an id that is not the edited one is named with the rest, even for an event not there
      const absent = await app.request('/api/events/ru-2018-no-such-event', {
        method: 'PUT',
        headers: { ...headers, 'if-match': '"1"' },
        body: JSON.stringify({ ...real, zz_not_a_field: 1, category: 'nope' }),
      });
      expect(absent.status).toBe(400);
      expect(byPath(((await absent.json()) as { errors: Issue[] }).errors).map((e) => e.path)).toEqual(['category', 'id', 'zz_not_a_field']);
    } finally {
      await store.close();
    }
  });

  it('events edit --set names a misspelt field and a bad value together', async () => {
    const r = await cli(['events', 'edit', ID, '--set', 'note=lifted', '--set', 'category=nope', '--set', 'end=2999-01-01', '--db', db, '--json']);
    expect(r.code, r.err).toBe(2);
    const doc = JSON.parse(r.out) as { error: { errors: Issue[] } };
    expect(byPath(doc.error.errors).map((e) => e.path)).toEqual(['category', 'end', 'note']);
  });
});
