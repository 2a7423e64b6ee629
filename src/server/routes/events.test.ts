/**
 * The hand-written event routes: PUT /api/events/{id} edits the event its path names only
 * (a body naming another id is refused, naming `id`), an If-Match and a body revision that
 * disagree are refused naming `revision`, and the OpenAPI document describes If-Match on the
 * writes and the ETag of the read. A status change with too short a reason is refused in the same
 * words over HTTP (retract, confirm, dismiss) as from the CLI.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { appOnTempStore, sampleEvent } from '../../../test/helpers/index.js';
import { eventsStatus } from '../../ledger/ops.js';
import { executeOp } from '../../op/index.js';
import { fixedClock, localGrant, silentProgress } from '../../shared/index.js';

const env = appOnTempStore();
beforeAll(async () => {
  for (const id of ['xx-2020-one', 'xx-2020-two']) {
    const r = await env.app.request('/api/events', { method: 'POST', headers: headers(), body: JSON.stringify(sampleEvent({ id })) });
    expect(r.status).toBe(201);
  }
});

const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${env.token}`, 'content-type': 'application/json', ...extra });
const put = (id: string, body: unknown, extra: Record<string, string> = {}) =>
  env.app.request(`/api/events/${id}`, { method: 'PUT', headers: headers(extra), body: JSON.stringify(body) });
const fields = async (r: Response) => ((await r.json()) as { errors?: { path: string }[] }).errors?.map((e) => e.path);
const title = async (id: string) => ((await (await env.app.request(`/api/events/${id}`)).json()) as { title: string; revision: number }).title;

describe('PUT /api/events/{id}', () => {
  it('refuses a body whose id is another event, naming id, and changes neither', async () => {
    const r = await put('xx-2020-one', { ...sampleEvent({ id: 'xx-2020-two' }), title: 'Renamed?' }, { 'if-match': '"1"' });
    expect(r.status).toBe(400);
    expect(await fields(r)).toEqual(['id']);
    expect([await title('xx-2020-one'), await title('xx-2020-two')]).toEqual(['A synthetic test event', 'A synthetic test event']);
  });
  it('refuses an If-Match and a body revision that disagree, naming revision', async () => {
    const r = await put('xx-2020-one', { ...sampleEvent({ id: 'xx-2020-one' }), title: 'Which revision?', revision: 7 }, { 'if-match': '"1"' });
    expect(r.status).toBe(400);
    expect(await fields(r)).toEqual(['revision']);
    expect(await title('xx-2020-one')).toBe('A synthetic test event');
  });
  it('takes a body with the same id and revision as the path and If-Match', async () => {
    const r = await put('xx-2020-one', { ...sampleEvent({ id: 'xx-2020-one' }), title: 'Edited', revision: 1 }, { 'if-match': '"1"' });
    expect(r.status).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
  });
});

describe('OpenAPI', () => {
  it('documents If-Match on PUT and retract, and the ETag of GET /api/events/{id}', async () => {
    type Param = { name: string; in: string };
    const doc = (await (await env.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: Param[]; responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const ifMatch = (p: string, m: string) => (doc.paths[p]![m]!.parameters ?? []).some((x) => x.name === 'If-Match' && x.in === 'header');
    expect(ifMatch('/api/events/{id}', 'put')).toBe(true);
    expect(ifMatch('/api/events/{id}/retract', 'post')).toBe(true);
    expect(Object.keys(doc.paths['/api/events/{id}']!.get!.responses['200']!.headers ?? {})).toContain('ETag');
    expect(Object.keys(doc.paths['/api/events/{id}']!.put!.responses['200']!.headers ?? {})).toContain('ETag');
  });

  it('declares what the JSON exports answer (an object of items) and the retraction reason as the ledger takes it', async () => {
    type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; minLength?: number };
    type Op = { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
    const doc = (await (await env.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Op>> };
    for (const p of ['/api/export/events.json', '/api/export/indicators.json']) {
      const s = doc.paths[p]!.get!.responses['200']!.content!['application/json']!.schema;
      expect(s.type ?? s.$ref).not.toBe('string');
    }
    expect(doc.paths['/api/export/events.csv']!.get!.responses['200']!.content!['text/csv; charset=utf-8']!.schema.type).toBe('string');
    const retract = doc.paths['/api/events/{id}/retract']!.post!.requestBody!.content['application/json']!.schema;
    expect(retract.properties!.reason!.minLength).toBe(3);
  });
});

describe('a status change whose reason is too short', () => {
  /** What the CLI says: it runs events.status in-process. */
  const cliSays = (action: 'retract' | 'confirm' | 'dismiss') =>
    executeOp(
      {
        store: env.t.store,
        clock: fixedClock('2026-01-01T00:00:00Z'),
        progress: silentProgress,
        actor: 'cli:test',
        grant: localGrant('cli:test'),
        dbPath: env.t.path,
      },
      eventsStatus,
      { id: 'xx-2020-one', action, reason: 'x' },
    ).then(
      () => 'taken',
      (e: Error) => e.message,
    );
  it.each(['retract', 'confirm', 'dismiss'] as const)('%s: 400 over HTTP in the words the CLI gives (exit 2)', async (action) => {
    const r = await env.app.request(`/api/events/xx-2020-one/${action}`, { method: 'POST', headers: headers(), body: JSON.stringify({ reason: 'x' }) });
    expect(r.status).toBe(400);
    const said = await cliSays(action);
    expect(said).toMatch(/needs a reason/);
    expect(((await r.json()) as { detail: string }).detail).toBe(said);
  });
});

describe('If-Match on PUT /api/events/{id} (RFC 9110 §13.1.1 strong comparison, RFC 6585 §3)', () => {
  beforeAll(async () => {
    const r = await env.app.request('/api/events', { method: 'POST', headers: headers(), body: JSON.stringify(sampleEvent({ id: 'xx-2020-three' })) });
    expect(r.status).toBe(201);
  });
  const edit = () => ({ ...sampleEvent({ id: 'xx-2020-three' }), title: 'Edited under If-Match' });

  it('no revision at all (no If-Match, none in the body): 428 Precondition Required', async () => {
    const r = await put('xx-2020-three', edit());
    expect([r.status, ((await r.json()) as { code: string }).code]).toEqual([428, 'PRECONDITION_REQUIRED']);
  });

  it('a weak tag, or another spelling of the number ("01", "1.0", 1 unquoted), never matches: 412, nothing written', async () => {
    // SYNTHETIC header values
    for (const tag of ['W/"1"', '"01"', '"1.0"', '1', '"+1"']) {
      const r = await put('xx-2020-three', edit(), { 'if-match': tag });
      expect([tag, r.status]).toEqual([tag, 412]);
    }
    expect(await title('xx-2020-three')).toBe('A synthetic test event');
  });

  it('the ETag as GET gives it matches', async () => {
    const etag = (await env.app.request('/api/events/xx-2020-three')).headers.get('etag')!;
    expect(etag).toBe('"1"');
    expect((await put('xx-2020-three', edit(), { 'if-match': etag })).status).toBe(200);
    expect(await title('xx-2020-three')).toBe('Edited under If-Match');
  });
});
