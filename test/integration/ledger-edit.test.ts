/**
 * An edit that changes nothing adds no revision, whichever way it arrives: `events edit --set`
 * with the value the event already has (text and --json say `changed: false`, exit 0), and
 * `PUT /api/events/{id}` with the current document (200, the event and its ETag unchanged).
 * On a shipped event (data/ledger/events/ru-2018-telegram-block.json: the block ended 2020-06-18).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { appWithToken, cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'edit.duckdb');
const ID = 'ru-2018-telegram-block';
const run = async (args: string[]) => {
  const r = await cli([...args, '--db', db]);
  expect(r.code, r.err + r.out).toBe(0);
  return r.out;
};
const history = async () => (JSON.parse(await run(['events', 'history', ID, '--json'])) as { items: { action: string }[] }).items.map((r) => r.action);

beforeAll(async () => {
  await run(['events', 'add', '--file', packagePath('data', 'ledger', 'events', `${ID}.json`), '--json']);
}, 60_000);
afterAll(() => t.cleanup());

describe('an edit that changes nothing', () => {
  it('CLI: says so in text and JSON, exit 0, and adds no revision', async () => {
    expect(await run(['events', 'edit', ID, '--set', 'end=2020-06-18', '--reason', 'Roskomnadzor lifted the block'])).toBe(
      `unchanged: ${ID} already has these values (revision 1); no revision added\n`,
    );
    const j = JSON.parse(await run(['events', 'edit', ID, '--set', 'end="2020-06-18"', '--set', 'countries=["RU"]', '--json'])) as Record<string, unknown>;
    expect(j).toMatchObject({ id: ID, revision: 1, end: '2020-06-18', changed: false });
    expect(await history()).toEqual(['create']);
    // a real change is still one revision
    const moved = JSON.parse(await run(['events', 'edit', ID, '--set', 'end=2020-06-19', '--json'])) as Record<string, unknown>;
    expect(moved).toMatchObject({ revision: 2, end: '2020-06-19', changed: true });
    expect(await run(['events', 'edit', ID, '--set', 'end=2020-06-18'])).toBe(`updated ${ID} to revision 3\n`);
    expect(await history()).toEqual(['create', 'update', 'update']);
  });
  it('API: PUT of the current document is 200 with the event and ETag as they were', async () => {
    const store = await openStore(db);
    try {
      const { app, token } = await appWithToken(store, db, ['write']);
      const get = await app.request(`/api/events/${ID}`);
      const etag = get.headers.get('etag');
      const doc = (await get.json()) as Record<string, unknown>;
      const { links: _l, measurement_evidence: _m, revision, created_at: _c, updated_at, region_notes: _n, ...fields } = doc;
      const put = await app.request(`/api/events/${ID}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': etag! },
        body: JSON.stringify({ ...fields, reason: 'same text again' }),
      });
      expect(put.status).toBe(200);
      expect(put.headers.get('etag')).toBe(etag);
      expect(await put.json()).toMatchObject({ id: ID, revision, updated_at });
      const h = (await (await app.request(`/api/events/${ID}/revisions`)).json()) as { items: unknown[] };
      expect(h.items).toHaveLength(3);
    } finally {
      await store.close();
    }
  });
});

describe('a population entered by hand that its own figures contradict', () => {
  it('CLI exit 2 and PUT 400 refuse it in the same words, naming the field and both values; nothing is written', async () => {
    const cur = JSON.parse(await run(['events', 'show', ID, '--json'])) as Record<string, unknown>;
    const pop = cur.population_affected as { estimate: number; national_population: number };
    // SYNTHETIC: a share of 0.0005 for an estimate of 900 million (the tester's example)
    const bad = { ...pop, estimate: 900_000_000, share: 0.0005 };
    const r = await cli(['events', 'edit', ID, '--set', `population_affected=${JSON.stringify(bad)}`, '--reason', 'typed by hand', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('population_affected.share');
    expect(r.err).toContain(`900,000,000 / ${pop.national_population.toLocaleString('en-US')}`);
    const store = await openStore(db);
    try {
      const { app, token } = await appWithToken(store, db, ['write']);
      const get = await app.request(`/api/events/${ID}`);
      const {
        links: _l,
        measurement_evidence: _m,
        revision: _r,
        created_at: _c,
        updated_at: _u,
        region_notes: _n,
        ...fields
      } = (await get.json()) as Record<string, unknown>;
      const put = await app.request(`/api/events/${ID}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': get.headers.get('etag')! },
        body: JSON.stringify({ ...fields, population_affected: bad }),
      });
      expect(put.status).toBe(400);
      const p = (await put.json()) as { errors: { path: string; message: string }[] };
      const share = p.errors.find((x) => x.path === 'population_affected.share');
      expect(share).toBeDefined();
      expect(r.err).toContain(share!.message);
      expect(((await (await app.request(`/api/events/${ID}`)).json()) as Record<string, unknown>).population_affected).toEqual(pop);
    } finally {
      await store.close();
    }
  });
});
