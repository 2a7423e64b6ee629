/**
 * `splinternet doctor` on derived data: a freshly seeded ledger is current in every dataset; a
 * store made "old" (STOP links stored without their record texts, as imports before texts were
 * kept wrote them; events a gazetteer placed nowhere; verdicts of another fingerprint set; verdicts of another rule set; measurements stored without rule inputs) is
 * named dataset by dataset with the command that refreshes it, exit 0 (3 with --strict), and
 * running exactly those commands makes it current again.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { packagePath } from '../../src/shared/index.js';
import { runBin, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir();
const db = join(t.dir, 'doctor.duckdb');
const ELECTION = packagePath('test', 'fixtures', 'elections', 'kobak-2016-every25th.csv.zip');
afterAll(() => t.cleanup());

beforeAll(async () => {
  await copySeeded(db);
  const r = await runBin(['elections', 'import', ELECTION, '--json', '--db', db]);
  if (r.code !== 0) throw new Error(`elections import exited ${r.code}: ${r.err.slice(-2000)}`);
}, SEED_WAIT_MS);

interface Derived {
  dataset: string;
  status: string;
  detail: string;
  commands?: string[];
}

async function doctor(...extra: string[]): Promise<{ code: number | null; current: boolean; derived: Record<string, Derived> }> {
  const r = await runBin(['doctor', '--json', '--db', db, ...extra]);
  const doc = JSON.parse(r.out) as { current: boolean; derived: Derived[] };
  return { code: r.code, current: doc.current, derived: Object.fromEntries(doc.derived.map((d) => [d.dataset, d])) };
}

/** Writes straight into the file, as an older version of the code left it. */
async function age(sql: string[]): Promise<void> {
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  try {
    for (const s of sql) await c.run(s);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/** Runs a command doctor printed (`splinternet ...`, paths without spaces) against the test's database. */
async function runAdvice(command: string): Promise<void> {
  const args = command.split(' ').slice(1);
  const r = await runBin([...args, '--json', '--db', db]);
  // 3: the STOP file has rows the ledger rejects (listed), as when seeding
  expect(r.code === 0 || r.code === 3, `${command}: exit ${r.code} ${r.err.slice(-2000)}`).toBe(true);
}

describe('doctor: is derived data made by the current code', () => {
  it('a freshly seeded ledger is current in every dataset', { timeout: 120_000 }, async () => {
    const r = await doctor('--strict');
    expect(r.code).toBe(0);
    expect(r.current).toBe(true);
    expect(Object.fromEntries(Object.entries(r.derived).map(([k, d]) => [k, d.status]))).toEqual({
      'ledger links': 'current',
      'ledger geocodes': 'current',
      'measurement verdicts': 'current',
      'measurement rule inputs': 'current',
      'measurement day cells': 'current',
      'election choices': 'current',
      'registry figures': 'current',
    });
    expect(r.derived['ledger links']!.detail).toMatch(/^2,\d{3} STOP records from 1 file\(s\), record texts kept/);
  });

  it('an old store: each stale dataset named with its command (exit 0, --strict 3); the commands make it current', { timeout: 600_000 }, async () => {
    await age([
      // links as an import before texts were kept wrote them
      `UPDATE event_links SET doc = json_merge_patch(doc, '{"text": null}') WHERE kind = 'stop_row'`,
      // twelve Indian events as a gazetteer that placed nothing left them
      `UPDATE events SET doc = json_merge_patch(doc, '{"places": [], "population_affected": null}') WHERE id IN (SELECT id FROM events WHERE id LIKE 'stop-in-%' ORDER BY id LIMIT 12)`,
      // ten verdicts of another rule set, five measurements stored before rule inputs were kept
      `UPDATE measurement_rule_inputs SET rules_version = 'older0rules0' WHERE id IN (SELECT id FROM measurement_rule_inputs ORDER BY id LIMIT 10)`,
      `DELETE FROM measurement_rule_inputs WHERE id IN (SELECT id FROM measurement_rule_inputs ORDER BY id DESC LIMIT 5)`,
      // four verdicts of another fingerprint set, three judged before the set was recorded
      `UPDATE measurement_rule_inputs SET fingerprints_version = 'f0f0f0f0f0f0' WHERE id IN (SELECT id FROM measurement_rule_inputs ORDER BY id LIMIT 4 OFFSET 10)`,
      `UPDATE measurement_rule_inputs SET fingerprints_version = NULL WHERE id IN (SELECT id FROM measurement_rule_inputs ORDER BY id LIMIT 3 OFFSET 14)`,
      // an English name the parser did not give yet
      `UPDATE election_choices SET label_en = NULL WHERE label_en = 'PARNAS'`,
    ]);
    const old = await doctor();
    expect(old.code, 'stale data is a warning').toBe(0);
    expect(old.current).toBe(false);
    const links = old.derived['ledger links']!;
    expect(links.status).toBe('stale');
    expect(links.detail).toMatch(
      /^1,\d{3} STOP events without record texts \(2,\d{3} records of accessnow_stop_combined_2016-2025_snapshot-2026-05-20\.csv, imported before texts were kept\)/,
    );
    expect(links.commands).toEqual(['splinternet events import data/events/accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv']);
    const geocodes = old.derived['ledger geocodes']!;
    expect(geocodes.status).toBe('stale');
    expect(geocodes.detail).toMatch(/^12 of 1,\d{3} events placed otherwise than this code places them from their area text/);
    expect(geocodes.commands).toEqual(['splinternet events geocode']);
    const verdicts = old.derived['measurement verdicts']!;
    expect(verdicts.status).toBe('stale');
    expect(verdicts.detail).toMatch(
      /^10 of (\d+) judged with other rules \(older0rules0: 10; current [0-9a-f]{12}\); 7 of \1 judged with another fingerprint set \(f0f0f0f0f0f0: 4, not recorded: 3; the store holds [0-9a-f]{12}\)$/,
    );
    expect(verdicts.commands).toEqual(['splinternet measurements rescore']);
    const inputs = old.derived['measurement rule inputs']!;
    expect(inputs.status).toBe('stale');
    expect(inputs.detail).toMatch(/^5 of \d+ stored before rule inputs were kept/);
    expect(inputs.commands).toEqual([
      expect.stringMatching(/^splinternet ingest --force \S+ooni-real-measurements\.jsonl\.gz$/),
      'splinternet measurements rescore',
    ]);

    const names = old.derived['election choices']!;
    expect(names.status).toBe('stale');
    expect(names.detail).toMatch(/^1 choice without the English name this code gives \(duma-2016: PARNAS\)/);
    expect(names.commands).toEqual(['splinternet elections import --force kobak-2016-every25th.csv.zip']);

    expect((await doctor('--strict')).code, '--strict: stale is exit 3').toBe(3);
    const text = await runBin(['doctor', '--db', db]);
    expect(text.out).toMatch(/^stale ledger links +1,\d{3} STOP events without record texts .*: run `splinternet events import data\/events\/accessnow_stop/m);

    for (const c of new Set([...links.commands!, ...geocodes.commands!, ...inputs.commands!, ...verdicts.commands!])) await runAdvice(c);
    // the election file is stored by name only: the user gives its folder
    await runAdvice(names.commands![0]!.replace('kobak-2016-every25th.csv.zip', ELECTION));
    const after = await doctor('--strict');
    expect(Object.values(after.derived).map((d) => [d.dataset, d.status])).toEqual([
      ['ledger links', 'current'],
      ['ledger geocodes', 'current'],
      ['measurement verdicts', 'current'],
      ['measurement rule inputs', 'current'],
      ['measurement day cells', 'current'],
      ['election choices', 'current'],
      ['registry figures', 'current'],
    ]);
    expect(after.code).toBe(0);
  });
});
