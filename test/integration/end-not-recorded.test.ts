// How the CLI headers say an event's end: its date, "ongoing" where the source marks it ongoing,
// and "end not recorded" where the source recorded an end the import did not trust or none at all
// (not marked ongoing). Real STOP records: test/fixtures/stop/contradicted-dates.csv (Congo-Kinshasa
// 2017, 1 January to 30 December with the duration "-363") and cost-sample.csv (Chad's shutdown
// STOP marks ongoing).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costLedgerDb } from '../helpers/cost-ledger.js';
import { cli, tempDir } from '../helpers/index.js';
import { packagePath } from '../../src/shared/index.js';

const t = tempDir('splinternet-end-text-');
const db = join(t.dir, 'ends.duckdb');
const run = (args: string[]) => cli([...args, '--db', db]);
type Ev = { id: string; end: string | null; notes: string | null; countries: string[]; title: string };

beforeAll(async () => {
  await costLedgerDb(db, 'contradicted-dates.csv');
  const r = await run(['events', 'import', packagePath('test', 'fixtures', 'stop', 'cost-sample.csv'), '--snapshot', '2026-05-20']);
  expect([0, 3], r.err).toContain(r.code);
}, 120_000);
afterAll(() => t.cleanup());

const events = async (cc: string) => JSON.parse((await run(['events', 'list', '--country', cc, '--limit', '1000', '--json'])).out).items as Ev[];

describe('an end not recorded is not said to be ongoing', () => {
  it('events show and cost event say "end not recorded" for the Congo-Kinshasa 2017 shutdown, "ongoing" for the one STOP marks ongoing', async () => {
    const cd = (await events('CD')).find((e) => e.id.startsWith('stop-cd-2017-01-01'))!;
    expect(cd.end).toBeNull();
    expect(cd.notes).toMatch(/End date not recorded/);
    const show = await run(['events', 'show', cd.id]);
    expect(show.out).toMatch(/when +2017-01-01 → end not recorded \(precision: day\)/);
    expect(show.out).not.toMatch(/ongoing/);
    const cost = await run(['cost', 'event', cd.id]);
    expect(cost.out.split('\n')[0]).toContain('2017-01-01 → end not recorded)');

    const td = (await events('TD')).find((e) => e.end === null && !/End date not recorded/.test(e.notes ?? ''))!;
    expect((await run(['events', 'show', td.id])).out).toMatch(/→ ongoing \(precision/);
    expect((await run(['cost', 'event', td.id])).out.split('\n')[0]).toMatch(/→ ongoing\)$/);
  });
});
