/**
 * problem+json as an HTTP caller reads it: a message the domain words for the CLI (`--snapshot`)
 * names the request's parameter (`snapshot`) over HTTP, while the CLI's own wire (/api/_ops with
 * the lock-file secret) keeps the flag, so a forwarded command prints what it prints in-process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appOnTempStore, clock, sampleEvent } from '../../test/helpers/index.js';
import { packagePath } from '../shared/index.js';
import { createApp } from './app.js';
import { httpWording } from './problem.js';

const env = appOnTempStore();
const auth = () => ({ authorization: `Bearer ${env.token}` });

describe('CLI flags in messages over HTTP', () => {
  it('an upload without a snapshot date names the query parameter snapshot, never --snapshot', async () => {
    const body = readFileSync(packagePath('test', 'fixtures', 'stop', 'cost-sample.csv'));
    const r = await env.app.request('/api/_uploads/events.import?filename=cost-sample.csv', {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/octet-stream' },
      body,
    });
    expect(r.status).toBe(400);
    const p = (await r.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(p.detail).toContain('snapshot');
    expect(p.detail).not.toMatch(/--/);
    for (const e of p.errors) expect(e.message).not.toMatch(/--/);
  });

  it('POST /api/cost with both hours and end names hours, end and start', async () => {
    const r = await env.app.request('/api/cost', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ country: 'RU', type: 'full', start: '2024-01-01T00:00:00Z', end: '2024-01-02T00:00:00Z', hours: 3, draws: 100 }),
    });
    expect(r.status).toBe(400);
    const p = (await r.json()) as { detail: string };
    expect(p.detail).toMatch(/either hours or end with start/);
  });

  it('rewrites a flag only where it is a request parameter; other text stays', () => {
    expect(httpWording('pass --snapshot YYYY-MM-DD')).toBe('pass snapshot YYYY-MM-DD');
    expect(httpWording('--kind must be one of x; --platform-weight too')).toBe('kind must be one of x; platform_weight too');
    expect(httpWording('a range like 2020--2021 and --no-such-flag')).toBe('a range like 2020--2021 and --no-such-flag');
  });

  it('keeps the flags of a command quoted whole, which runs only as written', () => {
    // the region list a scenario's region message points to (src/cost/scenario.ts)
    expect(httpWording('valid for RU: 85 codes, e.g. RU-AD (list: splinternet cost regions --country RU); --platform-weight too')).toBe(
      'valid for RU: 85 codes, e.g. RU-AD (list: splinternet cost regions --country RU); platform_weight too',
    );
  });
});

// SYNTHETIC event: a shutdown, on which --severity (throttling only) is named as not applied.
describe('CLI flags in answers over HTTP', () => {
  const shutdown = sampleEvent({ id: 'xx-2024-test-shutdown', category: 'shutdown', subtype: 'full', start: '2024-01-01', end: '2024-01-02' });
  const severityLines = (mapping: string[]) => mapping.filter((m) => /severity 0\.3 not applied/.test(m));
  const post = (app: { request: (u: string, i: RequestInit) => Response | Promise<Response> }, token: string, name: string, body: unknown) =>
    app.request(`/api/_ops/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const resultOf = async (r: Response) => (JSON.parse((await r.text()).trim().split('\n').at(-1)!) as { result: unknown }).result;

  it('a cost mapping names the request parameter (severity, end) on every cost route; the CLI wire keeps the flag', async () => {
    const add = await env.app.request('/api/events', {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify(shutdown),
    });
    expect(add.status).toBe(201);
    const one = (await (await env.app.request('/api/events/xx-2024-test-shutdown/cost?severity=0.3&draws=100')).json()) as { mapping: string[] };
    expect(severityLines(one.mapping)).toEqual([expect.stringMatching(/^severity 0\.3 not applied: /)]);
    // SYNTHETIC ongoing block: its row says what it misses, naming the end parameter
    const ongoing = await env.app.request('/api/events', {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify(sampleEvent()),
    });
    expect(ongoing.status).toBe(201);
    const all = (await (await env.app.request('/api/cost/events?draws=100&country=RU')).json()) as { items: { event_id: string; missing: string | null }[] };
    expect(all.items.find((i) => i.event_id === 'xx-2020-test-event')?.missing).toMatch(/pass end DATE/);
    const csv = await (await env.app.request('/api/cost/events?draws=100&country=RU&format=csv')).text();
    expect(csv).toMatch(/pass end DATE/);
    expect(csv).not.toMatch(/--end/);
    const viaOps = (await resultOf(await post(env.app, env.token, 'cost.event', { id: 'xx-2024-test-shutdown', severity: 0.3, draws: 100 }))) as {
      mapping: string[];
    };
    expect(severityLines(viaOps.mapping)).toEqual([expect.stringMatching(/^severity 0\.3 not applied: /)]);
    const cliApp = createApp({ store: env.t.store, clock, dbPath: env.t.path, opsSecret: 'the-lock-file-secret' });
    const forwarded = (await resultOf(
      await post(cliApp, 'the-lock-file-secret', 'cost.event', { id: 'xx-2024-test-shutdown', severity: 0.3, draws: 100 }),
    )) as {
      mapping: string[];
    };
    expect(severityLines(forwarded.mapping)).toEqual([expect.stringMatching(/^--severity 0\.3 not applied: /)]);
  });
});

// SYNTHETIC bodies: an event title in Latin-1 bytes, and a cost body naming its country twice.
describe('JSON bodies at the edge', () => {
  const send = (path: string, body: Uint8Array | string, contentType = 'application/json') =>
    env.app.request(path, { method: 'POST', headers: { ...auth(), 'content-type': contentType }, body });
  const latin1 = Buffer.from(JSON.stringify(sampleEvent({ id: 'xx-2024-latin1-title', title: 'Café blocks' })), 'latin1');

  it('bytes that are not UTF-8 are a 400 naming the byte, and nothing is stored', async () => {
    const r = await send('/api/events', latin1);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/not valid UTF-8 at byte \d+ \(0xe9/);
    expect((await env.app.request('/api/events/xx-2024-latin1-title')).status).toBe(404);
  });

  it('a declared charset other than UTF-8 is a 415 naming it; utf-8 in any spelling is taken', async () => {
    const r = await send('/api/events', latin1, 'application/json; charset=iso-8859-1');
    expect(r.status).toBe(415);
    expect(((await r.json()) as { detail: string }).detail).toMatch(/iso-8859-1/);
    const cost = JSON.stringify({ country: 'RU', type: 'full', hours: 1, draws: 100 });
    expect((await send('/api/cost', cost, 'application/json; charset=utf-16')).status).toBe(415);
    const utf8 = JSON.stringify(sampleEvent({ id: 'xx-2024-utf8-title', title: 'Café blocks' }));
    expect((await send('/api/events', utf8, 'application/json; charset="UTF-8"')).status).toBe(201);
    expect(((await (await env.app.request('/api/events/xx-2024-utf8-title')).json()) as { title: string }).title).toBe('Café blocks');
  });

  it('a key given twice is a 400 naming it, as a query parameter given twice', async () => {
    const r = await send('/api/cost', '{"country":"XX","type":"full","hours":1,"country":"RU"}');
    expect(r.status).toBe(400);
    const p = (await r.json()) as { detail: string; errors: { path: string }[] };
    expect(p.errors.map((e) => e.path)).toEqual(['country']);
    expect(p.detail).toMatch(/"country" is given more than once/);
    const ops = await send('/api/_ops/events.list', '{"country":"XX","country":"RU","limit":1}');
    expect(ops.status).toBe(400);
  });
});
