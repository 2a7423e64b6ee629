/**
 * Pricing many ledger events in one request (GET /api/cost/events, GET /api/cost/compare) is
 * counted as events x draws against the caller's budget, before any event is priced: without
 * a token the ledger at the default draws is always answered (the dashboard's world map), more
 * draws only up to the budget; the refusal names the figures, the draws that fit and the ways
 * out. Real STOP records (test/fixtures/stop/cost-sample.csv, Access Now, see SOURCES.md).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { costLedgerDb } from '../helpers/cost-ledger.js';
import { clock, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'budget.duckdb');
let store: Store;
let token = '';
let events = 0;
/** A country with few events (priced alone at 3,000 draws within the anonymous budget). */
let small = '';
// Small budgets so that the fixture's events (a few dozen) meet them.
const limits = { ledgerWorkAnonymous: 40_000, ledgerWorkToken: 300_000 };
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  await costLedgerDb(db, 'cost-sample.csv');
  store = await openStore(db);
  app = createApp({ store, clock, dbPath: db, limits });
  token = (await createToken({ store, clock }, 'reader', { scopes: ['read'], createdBy: 'test' })).token;
}, 120_000);
afterAll(async () => {
  await store.close();
  t.cleanup();
});

const auth = (tok?: string) => (tok ? { headers: { authorization: `Bearer ${tok}` } } : {});
const problem = async (res: Response) => ({ status: res.status, ...((await res.json()) as { detail: string; scenarios?: number; draws_that_fit?: number }) });

describe('ledger pricing budget: events x draws', () => {
  it('anonymous, the default draws: answered whatever the number of events (over the budget here)', async () => {
    const res = await app.request('/api/cost/events');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events_read: number; items: { event_id: string; country: string }[] };
    events = body.events_read;
    const per = new Map<string, Set<string>>();
    for (const r of body.items) per.set(r.country, (per.get(r.country) ?? new Set()).add(r.event_id));
    small = [...per].find(([, ids]) => ids.size * 3000 <= limits.ledgerWorkAnonymous)![0];
    expect(events * 2000).toBeGreaterThan(limits.ledgerWorkAnonymous);
    const cmp = await app.request('/api/cost/compare');
    expect(cmp.status).toBe(200);
  }, 120_000);

  it('anonymous, more draws than fit: 400 naming events x draws, the draws that fit and the ways out', async () => {
    const p = await problem(await app.request('/api/cost/events?draws=3000&seed=7'));
    expect(p.status).toBe(400);
    expect(p.scenarios).toBe(events);
    expect(p.detail).toBe(
      `this request prices ${events} events x 3,000 draws = ${(events * 3000).toLocaleString('en-US')} event-draws; the limit is ${(events * 2000).toLocaleString('en-US')} without a token: ask draws=2000 or fewer, narrow it to fewer events (country, from, to, category), or send a token (any scope; its limit is 300,000)`,
    );
    // one country's events at the same draws fit
    expect((await app.request(`/api/cost/events?draws=3000&seed=7&country=${small}`)).status).toBe(200);
  }, 120_000);

  it('a token lifts it to the token budget, and meets that one (no token to suggest)', async () => {
    expect((await app.request('/api/cost/events?draws=3000&seed=7', auth(token))).status).toBe(200);
    const p = await problem(await app.request('/api/cost/events?draws=20000&seed=7', auth(token)));
    expect(p.status).toBe(400);
    expect(p.detail).toMatch(
      new RegExp(`prices ${events} events x 20,000 draws .* the limit is 300,000: ask draws=${Math.floor(300_000 / events)} or fewer, narrow it`),
    );
    expect(p.detail).not.toMatch(/send a token/);
  }, 120_000);

  it('GET /api/cost/compare: anonymous draws capped at 10,000 (it had no cap) and counted per yearly piece', async () => {
    const capped = await problem(await app.request('/api/cost/compare?draws=100000'));
    expect([capped.status, capped.detail]).toEqual([400, expect.stringMatching(/^draws: at most 10000 per scenario without a token \(asked 100000\)/)]);
    const p = await problem(await app.request('/api/cost/compare?draws=5000'));
    expect(p.status).toBe(400);
    expect(p.scenarios).toBeGreaterThan(0);
    // compare counts yearly pieces, and says so; the figures are members of the problem, as 080 documents
    expect(p.detail).toMatch(new RegExp(`prices ${p.scenarios} yearly pieces x 5,000 draws = [0-9,]+ piece-draws`));
    expect(p).toMatchObject({ draws: 5000, work: p.scenarios! * 5000, draws_that_fit: expect.any(Number), budget: expect.any(Number) });
    const fit = Math.floor(limits.ledgerWorkToken / p.scenarios!);
    expect((await app.request(`/api/cost/compare?draws=${fit}`, auth(token))).status).toBe(200);
    expect((await app.request(`/api/cost/compare?draws=${fit + 1}`, auth(token))).status).toBe(400);
  }, 120_000);

  it('through /api/_ops a token meets the same budget', async () => {
    const res = await app.request('/api/_ops/cost.events', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ draws: 20000 }),
    });
    // refused before any work is reported: the problem's own status, as on the mounted route
    const p = (await res.json()) as { detail: string };
    expect([res.status, p.detail]).toEqual([400, expect.stringMatching(/events x 20,000 draws .* the limit is 300,000/)]);
  }, 120_000);
});
