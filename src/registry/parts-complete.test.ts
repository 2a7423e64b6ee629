// A dump split in parts is complete once its snapshot holds parts 00..NN without a gap, 00 with
// the Updated: header, whatever order and however many imports brought them in. Records are the
// real lines of test/fixtures/registry-quirks/dump-2016-06-13-lines.cp1251.csv; the split into
// three parts is SYNTHETIC.
import { describe, expect, it } from 'vitest';
import { QUIRKS_2016_LINES, registryBench } from '../../test/helpers/registry.js';

const LINES = QUIRKS_2016_LINES;

describe('registry: parts of one dump over several imports', () => {
  const b = registryBench('registry-parts-');
  const part = (n: number, lines: readonly string[]) => b.write(`dump-0${n}.csv`, `${lines.join('\n')}\n`);
  const run = (paths: string[], dumpTime?: string) => b.run(paths, dumpTime ? { dumpTime } : {});
  const p0 = () => part(0, LINES.slice(0, 3)); // header and two records
  const p1 = () => part(1, LINES.slice(3, 5));
  const p2 = () => part(2, LINES.slice(5));
  const state = async () => (await b.store.registry.listSnapshots()).map((s) => [s.id, s.complete, s.lowerBound, s.doc.entries]);

  it('00 and 02 are incomplete; 01 imported later fills the gap and the snapshot is complete', async () => {
    await run([p0(), p2()]);
    expect(await state()).toEqual([['2016-06-13T12:04:00Z', false, true, 4]]);
    await run([p1()], '2016-06-13T12:04:00Z');
    expect(await state()).toEqual([['2016-06-13T12:04:00Z', true, false, 6]]);
    // the whole set again: unchanged files, the same complete snapshot as one import of the three gives
    const again = await run([p0(), p1(), p2()]);
    expect(again.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.snapshots).toEqual([expect.objectContaining({ complete: true, lower_bound: false, entries: 6 })]);
  });

  it('one import of the three parts gives the same snapshot', async () => {
    await run([p0(), p1(), p2()]);
    expect(await state()).toEqual([['2016-06-13T12:04:00Z', true, false, 6]]);
  });

  it('parts without 00, or with a gap, stay incomplete', async () => {
    await run([p1(), p2()], '2016-06-13T12:04:00Z');
    expect(await state()).toEqual([['2016-06-13T12:04:00Z', false, true, 4]]);
  });
});
