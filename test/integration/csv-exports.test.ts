/**
 * Every CSV export goes through the one writer: an event whose title, summary and tag start
 * like formulas (synthetic) comes out neutralised from the ledger export, the cost-of-events
 * export and the indicators export; measurement exports use the same writer (unit-tested in
 * src/shared/csv.test.ts, and checked here on real fixture rows).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { appWithToken, sampleEvent, tempStore } from '../helpers/index.js';

let store: Store;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let token: string;

beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  ({ app, token } = await appWithToken(store));
  const event = sampleEvent({
    id: 'ru-2020-formula-test',
    title: '=HYPERLINK("http://evil.example","click")',
    summary: '+cmd|calc!A0 synthetic',
    tags: ['@SUM(A1)'],
    category: 'shutdown',
    subtype: 'full',
    start: '2020-03-01',
    end: '2020-03-02',
  });
  const r = await app.request('/api/events', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  expect(r.status, await r.clone().text()).toBe(201);
});
afterAll(() => cleanup());

const FORMULA_CELL = /(^|,)"?[=+@\t\r]/m;

describe('CSV exports neutralise formula cells', () => {
  it('events', async () => {
    const csv = await (await app.request('/api/export/events.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain("'+cmd|calc!A0 synthetic");
    expect(csv).toContain("'@SUM(A1)");
    expect(csv.split('\r\n').slice(1).join('\n')).not.toMatch(FORMULA_CELL);
  });
  it('cost of events', async () => {
    const csv = await (await app.request('/api/cost/events?format=csv&country=RU')).text();
    expect(csv).toContain("'=HYPERLINK");
    expect(csv.split('\r\n').slice(1).join('\n')).not.toMatch(FORMULA_CELL);
  });
  it('indicators', async () => {
    const r = await app.request('/api/export/indicators.csv');
    expect(r.status).toBe(200);
    expect((await r.text()).split('\r\n').slice(1).join('\n')).not.toMatch(FORMULA_CELL);
  });
});
