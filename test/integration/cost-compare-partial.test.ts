// A method's total in `cost compare` over part of a row's events names the events it leaves
// out: on the seeded ledger, Russia 2018 holds the Telegram block and the Ingushetia shutdown,
// and ozi-regional and deloitte-2016 do not price platform blocks.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-compare-partial-');
const db = join(t.dir, 'c.duckdb');
beforeAll(() => copySeeded(db), SEED_WAIT_MS);
afterAll(() => t.cleanup());

type Row = { year: number; ours: Record<string, number>; events: { id: string }[]; ours_leaves_out: Record<string, string[]> };

describe('cost compare: a partial total says what it leaves out', () => {
  it('Russia 2018: ozi-regional and deloitte-2016 name the Telegram block; brookings-2016 and cost-escalated priced every event', async () => {
    const r = await cli(['cost', 'compare', 'top10vpn', '--country', 'RU', '--json', '--db', db]);
    expect([0, 3]).toContain(r.code);
    const rows = (JSON.parse(r.out) as { rows: Row[] }).rows;
    const ru2018 = rows.find((w) => w.year === 2018)!;
    expect(ru2018.events.map((e) => e.id)).toEqual(expect.arrayContaining(['ru-2018-telegram-block', 'ru-2018-ingushetia-mobile-shutdown']));
    expect(ru2018.ours_leaves_out).toEqual({ 'ozi-regional': ['ru-2018-telegram-block'], 'deloitte-2016': ['ru-2018-telegram-block'] });
    // every id named is an event of its row, and only methods with a total name any
    for (const w of rows)
      for (const [m, ids] of Object.entries(w.ours_leaves_out)) {
        expect(Object.keys(w.ours)).toContain(m);
        for (const id of ids) expect(w.events.map((e) => e.id)).toContain(id);
      }
    const csv = await cli(['cost', 'compare', 'top10vpn', '--country', 'RU', '--format', 'csv', '--db', db]);
    const [head, ...lines] = csv.out.trim().split('\n');
    const col = head!.split(',').indexOf('ours_leaves_out_ozi-regional');
    expect(col).toBeGreaterThan(0);
    expect(lines.find((l) => l.startsWith('RU,2018'))).toContain('ru-2018-telegram-block');
  });
});
