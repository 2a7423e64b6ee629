/**
 * problem+json as an HTTP caller reads it: a message the domain words for the CLI (`--snapshot`)
 * names the request's parameter (`snapshot`) over HTTP, while the CLI's own wire (/api/_ops with
 * the lock-file secret) keeps the flag, so a forwarded command prints what it prints in-process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../test/helpers/index.js';
import { packagePath } from '../shared/index.js';
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
});
