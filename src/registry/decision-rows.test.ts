// `registry decision` for an order found in two snapshots: each snapshot's row (the --format
// csv|ndjson|parquet row) holds the bodies and dates of that snapshot's entries only, recounted
// here from the raw fields of the two shipped dumps (data/registry, real: "б/н" orders in the
// 2016-06-13 sample and in the 2020-02-16 part).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';
import { registryDecision } from './decision.js';
import { registryDecisionOp } from './ops.js';

const DUMPS = {
  '2016-06-13T12:04:00Z': packagePath('data', 'registry', 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz'),
  '2020-02-16': packagePath('data', 'registry', 'zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'),
};

/** The "б/н" records of a dump: [body, date] from the last three fields of each record line. */
const unnumberedOf = (file: string) =>
  new TextDecoder('windows-1251')
    .decode(gunzipSync(readFileSync(file)))
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('Updated'))
    .map((l) =>
      l
        .split(';')
        .slice(-3)
        .map((f) => f.trim()),
    )
    .filter(([, n]) => /^б\/н$/i.test(n!))
    .map(([body, , date]) => [body!, date!] as const);

describe('registry decision: one row per snapshot', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  const clock = fixedClock('2026-12-06T12:00:00Z');
  beforeAll(async () => {
    ({ store, cleanup } = await tempStore());
    await importRegistry({ store, clock, progress: silentProgress }, Object.values(DUMPS));
  }, 120_000);
  afterAll(async () => cleanup());

  it("each snapshot's row holds only its own bodies and dates; the top level holds them all", async () => {
    const d = await registryDecision({ store, clock }, 'б/н');
    expect(d.snapshots).toHaveLength(2);
    const all = { bodies: new Set<string>(), dates: new Set<string>() };
    for (const [i, file] of Object.values(DUMPS).entries()) {
      const raw = unnumberedOf(file);
      const row = d.snapshots[i]!;
      expect(row.entries).toBe(raw.length);
      expect([...row.decision_bodies].sort()).toEqual([...new Set(raw.map(([b]) => b))].sort());
      expect(row.decision_dates).toEqual([...new Set(raw.map(([, date]) => date))].sort());
      raw.forEach(([b, date]) => (all.bodies.add(b), all.dates.add(date)));
    }
    // the two snapshots' dates differ, so a row carrying every date would fail above
    expect(d.snapshots[0]!.decision_dates).not.toEqual(d.snapshots[1]!.decision_dates);
    expect([...d.decision_bodies].sort()).toEqual([...all.bodies].sort());
    expect(d.decision_dates).toEqual([...all.dates].sort());
    // the row files repeat only what holds for every snapshot
    expect(registryDecisionOp.rows?.carry).not.toContain('decision_dates');
    expect(registryDecisionOp.rows?.carry).not.toContain('decision_bodies');
  }, 60_000);
});
