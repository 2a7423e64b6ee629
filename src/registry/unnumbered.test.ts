// Orders without a number ("б/н", "без номера": no number) are not one decision: each is told
// apart by its decision body and date. Checked on the shipped 2016-06-13 dump (data/registry,
// real: 249 such entries, "б/н" in three spellings), recounted here from the file's raw fields.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempStore } from '../../test/helpers/index.js';
import { decisionKey, unnumbered } from './decision-key.js';
import { importRegistry } from './import.js';
import { analyseSnapshot } from './analysis.js';
import { selectSnapshot } from './snapshots.js';
import { registryDecision } from './decision.js';

const DUMP = packagePath('data', 'registry', 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz');

describe('unnumbered decisions', () => {
  it('recognises "б/н" in any case, and "без номера", as no number; a number is itself', () => {
    expect(['б/н', 'Б/Н', 'Б/н', ' б/н ', 'без номера', 'б.н.'].map(unnumbered)).toEqual([true, true, true, true, true, true]);
    expect(['2-1779/2018', 'бн-1', 'б/н-12'].map(unnumbered)).toEqual([false, false, false]);
    expect(decisionKey({ decisionNumber: 'б/н', decisionBody: 'суд', decisionDate: '2015-03-12' })).not.toBe(
      decisionKey({ decisionNumber: 'б/н', decisionBody: 'суд', decisionDate: '2015-03-13' }),
    );
    expect(decisionKey({ decisionNumber: '2-1/2018', decisionBody: 'суд', decisionDate: '2015-03-12' })).toBe(
      decisionKey({ decisionNumber: '2-1/2018', decisionBody: 'ФНС', decisionDate: '2016-01-01' }),
    );
  });

  describe('in the 2016 snapshot', () => {
    // the raw fields, recounted: decision body, number and date are the last three fields of a record line
    const fields = new TextDecoder('windows-1251')
      .decode(gunzipSync(readFileSync(DUMP)))
      .split('\n')
      .slice(1)
      .filter((l) => l.trim())
      .map((l) =>
        l
          .split(';')
          .slice(-3)
          .map((f) => f.trim()),
      )
      .map(([body, number, date]) => [number!, body!, date!]);
    let store: Store;
    let cleanup: () => Promise<void> | void;
    const clock = fixedClock('2026-12-06T12:00:00Z');
    beforeAll(async () => {
      ({ store, cleanup } = await tempStore());
      await importRegistry({ store, clock, progress: silentProgress }, [DUMP]);
    }, 120_000);
    afterAll(async () => cleanup());

    it('counts each unnumbered order apart (by body and date), in the decision count and the top list', async () => {
      const noNumber = fields.filter(([n]) => /^б\/н$/i.test(n!));
      const orders = new Set(noNumber.map(([, body, date]) => `${body}|${date}`));
      const numbers = new Set(fields.filter(([n]) => !/^б\/н$/i.test(n!)).map(([n]) => n));
      const s = await analyseSnapshot({ store, clock }, (await selectSnapshot(store, '2016-06-13')).snapshot);
      expect(s.entries.decisions).toBe(numbers.size + orders.size);
      const rows = s.decisions.filter((d) => /^б\/н$/i.test(d.decision_number));
      expect(rows).toHaveLength(orders.size);
      expect(rows.every((r) => r.decision_dates.length === 1 && r.decision_bodies.length === 1)).toBe(true);
      expect(rows.reduce((n, r) => n + r.entries, 0)).toBe(noNumber.length);
    });

    it('gathers every unnumbered entry under any spelling of "no number", each of the dump\'s spellings and one it lacks', async () => {
      const noNumber = fields.filter(([n]) => /^б\/н$/i.test(n!));
      const spellings = [...new Set(noNumber.map(([n]) => n!))].sort();
      expect(spellings.length).toBeGreaterThan(1); // the dump writes it in several cases
      const bodies = [...new Set(noNumber.map(([, body]) => body!))].sort();
      const dates = [...new Set(noNumber.map(([, , date]) => date!))].sort();
      for (const asked of [...spellings, 'б.н.', 'Без номера']) {
        const d = await registryDecision({ store, clock }, asked);
        expect(
          d.snapshots.map((s) => [s.snapshot, s.entries]),
          asked,
        ).toEqual([['2016-06-13T12:04:00Z', noNumber.length]]);
        expect([...d.decision_bodies].sort(), asked).toEqual(bodies);
        expect(d.decision_dates, asked).toEqual(dates);
      }
    }, 60_000);
  });
});
