/**
 * The ledger's origin: one of the values the writers store, refused otherwise (the list, the
 * counts and the exports, over HTTP and from the CLI), and an event created through an edge
 * stored with that edge's name: `api` over HTTP (POST /api/events or the ops endpoint with a
 * token), `cli` for the machine's own user.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { appOnTempStore, cli, sampleEvent, tempDir } from '../../test/helpers/index.js';
import { ORIGINS } from './taxonomy.js';

const env = appOnTempStore();

const ids = async (url: string) => ((await (await env.app.request(url)).json()) as { items: { id: string }[] }).items.map((e) => e.id);

describe('origin', () => {
  it('is one of the stored values; another is a 400 naming origin on the list, the counts and the export', async () => {
    expect(ORIGINS).toEqual(['seed', 'stop', 'cli', 'api', 'detect']);
    for (const url of ['/api/events?origin=bogus', '/api/stats/events?origin=bogus', '/api/export/events.csv?origin=bogus']) {
      const r = await env.app.request(url);
      expect(r.status, url).toBe(400);
      expect(
        ((await r.json()) as { errors: { path: string }[] }).errors.map((e) => e.path),
        url,
      ).toEqual(['origin']);
    }
  });
  it('an event added through the ops endpoint with a env.token is stored as api, as one POSTed to /api/events', async () => {
    const r = await env.app.request('/api/_ops/events.add', {
      method: 'POST',
      headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event: sampleEvent({ id: 'xx-2020-via-ops' }) }),
    });
    expect(r.status).toBe(200);
    const post = await env.app.request('/api/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(sampleEvent({ id: 'xx-2020-via-post' })),
    });
    expect(post.status).toBe(201);
    expect((await ids('/api/events?origin=api')).sort()).toEqual(['xx-2020-via-ops', 'xx-2020-via-post']);
    expect(await ids('/api/events?origin=cli')).toEqual([]);
  });
});

describe('events list --origin', () => {
  it('filters by origin and refuses an unknown one with exit 2 naming origin', async () => {
    const d = tempDir();
    const db = `${d.dir}/o.duckdb`;
    try {
      const file = `${d.dir}/e.json`;
      writeFileSync(file, JSON.stringify(sampleEvent({ id: 'xx-2020-by-cli' })));
      expect((await cli(['events', 'add', '--file', file, '--db', db])).code).toBe(0);
      const mine = await cli(['events', 'list', '--origin', 'cli', '--json', '--db', db]);
      expect(mine.code, mine.err).toBe(0);
      expect((JSON.parse(mine.out) as { items: { id: string }[] }).items.map((e) => e.id)).toEqual(['xx-2020-by-cli']);
      const none = await cli(['events', 'list', '--origin', 'stop', '--json', '--db', db]);
      expect((JSON.parse(none.out) as { total: number }).total).toBe(0);
      const bad = await cli(['events', 'list', '--origin', 'bogus', '--json', '--db', db]);
      expect(bad.code).toBe(2);
      expect((JSON.parse(bad.out) as { error: { errors: { path: string }[] } }).error.errors.map((e) => e.path)).toEqual(['origin']);
    } finally {
      d.cleanup();
    }
  });
});

describe('events edit --set', () => {
  it('reads a bare year or number given to a text field (start, end, title) as its text; JSON still sets the other types', async () => {
    const d = tempDir();
    const db = `${d.dir}/s.duckdb`;
    try {
      // the shipped event: start 2009-07-05, end 2010-05-14
      const file = `${d.dir}/e.json`;
      copyFileSync(packagePath('data', 'ledger', 'events', 'cn-2009-xinjiang-shutdown.json'), file);
      expect((await cli(['events', 'add', '--file', file, '--db', db])).code).toBe(0);
      const edit = async (...set: string[]) => {
        const r = await cli(['events', 'edit', 'cn-2009-xinjiang-shutdown', ...set.flatMap((s) => ['--set', s]), '--json', '--db', db]);
        expect(r.code, r.out + r.err).toBe(0);
        return (await cli(['events', 'show', 'cn-2009-xinjiang-shutdown', '--json', '--db', db])).out;
      };
      expect(JSON.parse(await edit('end=2025', 'start=2009'))).toMatchObject({ start: '2009', end: '2025' });
      expect(JSON.parse(await edit('title=1984', 'end=null', 'tags=["xinjiang"]'))).toMatchObject({ title: '1984', end: null, tags: ['xinjiang'] });
    } finally {
      d.cleanup();
    }
  });
});
