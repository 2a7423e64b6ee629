// A dump is read in one encoding from its first byte to its last: a file that is UTF-8 throughout
// is refused, and a line of a windows-1251 dump that is not windows-1251 (a UTF-8 line, a byte
// the code page does not define) is a reject naming the line, never a record stored garbled.
// Lines are the real ones of test/fixtures/registry-quirks; every re-encoded or padded copy is a
// SYNTHETIC edit, said so per test.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/index.js';
import { QUIRKS_2016_LINES, registryBench } from '../../test/helpers/registry.js';
import { registrySummary } from './views.js';

/** The real 2016 lines as bytes (windows-1251): [header, record, ...]. */
const LINES_2016 = QUIRKS_2016_LINES.map((l) => Buffer.from(l, 'latin1'));
const asUtf8 = (cp1251: Buffer) => Buffer.from(new TextDecoder('windows-1251').decode(cp1251), 'utf8');

describe('registry import: one encoding for the whole dump', () => {
  const b = registryBench('registry-encoding-');
  const write = (name: string, lines: Buffer[]) => b.write(name, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
  const run = (...paths: string[]) => b.run(paths);

  it('UTF-8 lines inside a windows-1251 dump are rejects naming each line; the snapshot is partial and holds no garbled body (SYNTHETIC: the last two real records re-encoded as UTF-8)', async () => {
    const [header, ...records] = LINES_2016;
    const path = write('register-2016-06-13.csv', [header!, ...records.slice(0, -2), ...records.slice(-2).map(asUtf8)]);
    const r = await run(path);
    const n = LINES_2016.length;
    expect(r.files[0]).toMatchObject({ stored: records.length - 2, rejected: 2 });
    expect(r.rejects).toEqual([
      { file: 'register-2016-06-13.csv', line: n - 1, reason: expect.stringMatching(/^bad_encoding: the line is UTF-8, not windows-1251/) },
      { file: 'register-2016-06-13.csv', line: n, reason: expect.stringMatching(/^bad_encoding: the line is UTF-8, not windows-1251/) },
    ]);
    expect(r.snapshots).toEqual([expect.objectContaining({ id: '2016-06-13T12:04:00Z', complete: false, lower_bound: true })]);
    const s = await registrySummary({ store: b.store, clock: fixedClock('2026-12-06T12:00:00Z') }, { snapshot: '2016-06-13T12:04:00Z' });
    expect(s.by_body.map((b) => b.decision_body).filter((b) => /[РС][\u0400-\u045F\u0080-\u00BF«»№]/.test(b))).toEqual([]);
  });

  it('a UTF-8 line anywhere in a windows-1251 dump is a reject, also past the first 256 KB and on the fast path (SYNTHETIC: real records repeated, one re-encoded as UTF-8 at the end)', async () => {
    const [header, ...records] = LINES_2016;
    const body = Array.from({ length: 3000 }, (_, i) => records[i % records.length]!);
    const path = write('register-2016-06-13.csv', [header!, ...body, asUtf8(records[0]!)]);
    const r = await run(path);
    expect(r.rejects).toEqual([{ file: 'register-2016-06-13.csv', line: 3002, reason: expect.stringMatching(/^bad_encoding: the line is UTF-8/) }]);
  });

  it('a dump whose first megabytes are ASCII and whose later text is UTF-8 is refused as UTF-8, nothing stored (SYNTHETIC: ASCII records, then a real record re-encoded)', async () => {
    const ascii = Array.from({ length: 40_000 }, (_, i) =>
      Buffer.from(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255};host${i}.example;;court;2-${i}/2015;2015-01-01`),
    );
    const path = write('register-2016-06-13.csv', [LINES_2016[0]!, ...ascii, asUtf8(LINES_2016[1]!)]);
    await expect(run(path)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/the file is UTF-8, but a Zapret-Info dump is windows-1251/),
    });
    expect(await b.store.registry.listSnapshots()).toEqual([]);
  });

  it('a byte windows-1251 does not define (0x98) is a reject naming the line, never stored as a control character (SYNTHETIC: 0x98 put into a real domain)', async () => {
    const [header, ...records] = LINES_2016;
    const damaged = Buffer.from(records[2]!.toString('latin1').replace('betcity', 'bet\x98city'), 'latin1');
    const path = write('register-2016-06-13.csv', [header!, records[0]!, records[1]!, damaged, ...records.slice(3)]);
    const r = await run(path);
    expect(r.rejects).toEqual([{ file: 'register-2016-06-13.csv', line: 4, reason: 'bad_encoding: byte 0x98, which windows-1251 does not define' }]);
    expect(r.snapshots[0]).toMatchObject({ complete: false });
  });
});
