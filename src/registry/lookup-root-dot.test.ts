// registry lookup against a real store: a domain written with its trailing root dot
// ("konsul77.ru.", as 11 entries of the shipped 2016 dump are) is the same DNS name as without
// it, whichever form is stored and whichever is asked. The file is the header and lines 8072,
// 8073, 19520 and 19521 of data/registry's 2016 dump, byte for byte (real lines).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';
import { registryLookup } from './lookup.js';

const DUMP = packagePath('data', 'registry', 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz');
const LINES = [1, 8072, 8073, 19520, 19521];

describe('registry lookup: a trailing root dot, stored or asked', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  const dir = tempDir('registry-root-dot-');
  const clock = fixedClock('2026-12-06T12:00:00Z');
  beforeAll(async () => {
    ({ store, cleanup } = await tempStore());
    const all = gunzipSync(readFileSync(DUMP)).toString('latin1').split('\n');
    const path = join(dir.dir, 'register-2016-06-13.csv');
    writeFileSync(path, Buffer.from(`${LINES.map((n) => all[n - 1]).join('\n')}\n`, 'latin1'));
    const r = await importRegistry({ store, clock, progress: silentProgress }, [path]);
    expect(r.stored).toBe(4);
  });
  afterAll(async () => {
    await cleanup();
    dir.cleanup();
  });

  const decisions = async (q: string) => (await registryLookup({ store, clock }, q)).decisions.map((d) => d.decision_number).sort();

  it('finds both decisions of konsul77.ru and of www.24dv.biz, asked with or without the dot, or by URL', async () => {
    for (const q of ['konsul77.ru', 'konsul77.ru.', 'KONSUL77.RU.', 'http://konsul77.ru./index.php/pasport-new'])
      expect([q, await decisions(q)]).toEqual([q, ['2-51/2016', '2-904/2016']]);
    for (const q of ['www.24dv.biz', 'www.24dv.biz.']) expect([q, await decisions(q)]).toEqual([q, ['2/1/11-38344', '2/1/11-47361']]);
  });

  it('names the entry as stored, dot included', async () => {
    const r = await registryLookup({ store, clock }, 'konsul77.ru');
    expect(r.matches.map((m) => [m.line, m.domain])).toEqual([
      [2, 'konsul77.ru.'],
      [3, 'konsul77.ru'],
    ]);
  });
});
