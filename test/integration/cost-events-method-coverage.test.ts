// An event a method does not cover (its country, or its kind of restriction) is missing a method
// that covers it, not its country or type: `cost events` counts it under `method`, so the summary's
// hint is the one that helps (seeded ledger and shipped data).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-events-coverage-');
const db = join(t.dir, 'c.duckdb');
beforeAll(() => copySeeded(db), SEED_WAIT_MS);
afterAll(() => t.cleanup());

type Ledger = { events_read: number; events_not_priced: number; missing_by_field: Record<string, number>; items: { missing: string | null }[] };
const events = async (...args: string[]) => JSON.parse((await cli(['cost', 'events', '--json', '--db', db, ...args])).out) as Ledger;

describe('cost events --method M where M does not cover the event', () => {
  it('Belarus with ozi-regional (RU only; no platform blocks): every event missing its method, none its country or type', async () => {
    const r = await events('--country', 'BY', '--method', 'ozi-regional');
    expect(r.events_read).toBeGreaterThan(0);
    expect(r.missing_by_field).toEqual({ method: r.events_not_priced });
    for (const i of r.items) expect(i.missing).toMatch(/^method: ozi-regional: .*(\(RU\) only, .*it cannot price BY|does not price)/);
  });

  it('a platform block with deloitte-2016 (connectivity only) is missing a method too', async () => {
    const r = await events('--country', 'RU', '--category', 'block', '--method', 'deloitte-2016');
    const byMethod = r.items.flatMap((i) => (i.missing ?? '').split('; ')).filter((m) => /deloitte-2016: does not price/.test(m));
    expect(byMethod.length).toBeGreaterThan(0);
    for (const m of byMethod) expect(m).toMatch(/^method: /);
    expect(r.missing_by_field.method).toBe(byMethod.length);
  });

  it('KP with no method asked for: each event counted once per field it misses (its GDP, under country), none under method because ozi-regional prices RU only', async () => {
    const r = await events('--country', 'KP');
    expect(r.events_not_priced).toBeGreaterThan(0);
    expect(r.missing_by_field).toEqual({ country: r.events_not_priced });
    for (const i of r.items) expect(i.missing).toMatch(/^country: deloitte-2016: no GDP \(current US\$\) for KP/);
    for (const i of r.items) expect(i.missing).not.toMatch(/ozi-regional|method:/);
  });
});
