/**
 * Property tests for the election readers (CEC protocol CSV, DEG series script) and the file
 * stream under them: on arbitrary text, and on the real files with bytes inserted, lines
 * doubled or cut, a reader either refuses the file with a VALIDATION error naming it, or
 * returns rows and rejects with read = stored + rejected, every stored count a non-negative
 * safe integer and no stored text field or line over its cap. Never another exception.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/index.js';
import { isAppError, packagePath } from '../shared/index.js';
import { COUNT_COLUMNS } from './model.js';
import { ProtocolReader, type ProtocolFile } from './read-protocol.js';
import { readDegSeries } from './read-moscow.js';
import { sourceLines, type SourceLine } from './source.js';
import { lines, textOf } from './text.js';

const fixture = (f: string) => packagePath('test', 'fixtures', 'elections', f);
// Header and the first 150 stations of Moscow 2021 (keeps each run to a few milliseconds).
const PROTOCOL = textOf(readFileSync(fixture('kobak-2021-moscow.csv.zip')))
  .split('\n')
  .slice(0, 151);
const DEG = readFileSync(fixture('denull-moscow-2021-deg-party-20min.js'), 'utf8');
const t = tempDir('splinternet-election-fuzz-');
afterAll(() => t.cleanup());

const nonNegative = (n: number) => Number.isSafeInteger(n) && n >= 0;

const refusedOk = (e: unknown, file: string) => {
  expect(isAppError(e) && e.code, String(e)).toBe('VALIDATION');
  expect((e as Error).message).toContain(file);
};

/** Feed a text to the protocol reader the way the importer does, with this line cap. */
function readWithCaps(text: string, maxLineBytes: number, maxFieldBytes: number): ProtocolFile {
  const it = lines(text);
  const head = it.next();
  const r = new ProtocolReader(head.done ? null : head.value[1], 'fuzz.csv', maxFieldBytes);
  for (const [line, s] of it) r.push(s.length > maxLineBytes ? { line, oversize: s.length } : { line, text: s });
  return r.result();
}

function judgedProtocol(text: string, maxLineBytes = 1 << 20, maxFieldBytes = 256 * 1024): void {
  let r: ProtocolFile;
  try {
    r = readWithCaps(text, maxLineBytes, maxFieldBytes);
  } catch (e) {
    return refusedOk(e, 'fuzz.csv');
  }
  expect(r.rows.length + r.rejects.length, 'read = stored + rejected').toBe(r.linesRead);
  // Plain checks in the loops, one assertion each: thousands of rows per run.
  const badCount = r.rows.find(
    (row) => COUNT_COLUMNS.some((c) => row.counts[c] !== null && !Number.isSafeInteger(row.counts[c])) || !row.votes.every(nonNegative),
  );
  expect(badCount, 'every stored count a non-negative safe integer').toBeUndefined();
  const overCap = r.rows.find((row) => [row.region, row.oik, row.tik, row.uik].some((f) => Buffer.byteLength(f ?? '') > maxFieldBytes));
  expect(overCap, 'no stored field over the cap').toBeUndefined();
  for (const j of r.rejects) {
    expect(j.reason).toMatch(/^[a-z_]+$/);
    expect(j.detail.length, 'a reject quotes little of its line').toBeLessThan(600);
  }
  const oversized = text.split('\n').filter((l, i) => i > 0 && l.length > maxLineBytes).length;
  expect(r.rejects.filter((j) => j.reason === 'oversize_line').length).toBe(oversized);
}

/** An edit of the real file: insert a string at a position of a line, double a line, or cut it. */
const edit = fc.tuple(
  fc.integer({ min: 1, max: PROTOCOL.length - 1 }),
  fc.nat({ max: 400 }),
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(',', '"', '""', '\r', '\n', '-1', '1e9', '99999999999999999999', '12.0', '12.5', ' ', '\u0000', 'Москва'),
    fc.constantFrom('<double>', '<cut>', '<long>'),
  ),
);

function applied(edits: [number, number, string][]): string {
  const ls = [...PROTOCOL];
  for (const [row, at, ins] of edits) {
    const l = ls[row] ?? '';
    if (ins === '<double>') ls.splice(row, 0, l);
    else if (ins === '<cut>') ls[row] = l.slice(0, at);
    else if (ins === '<long>') ls[row] = l.slice(0, at) + 'Я'.repeat(3000) + l.slice(at);
    else ls[row] = l.slice(0, at) + ins + l.slice(at);
  }
  return ls.join('\n');
}

describe('protocol reader, property', () => {
  it('the real rows read whole', () => {
    const r = readWithCaps(PROTOCOL.join('\n'), 1 << 20, 256 * 1024);
    expect(r.rejects).toEqual([]);
    expect(r.rows).toHaveLength(150);
  });

  it('arbitrary text: refused naming the file, or read = stored + rejected', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => judgedProtocol(s)),
      { numRuns: 200 },
    );
  });

  it('arbitrary lines under the real header: read = stored + rejected', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 20 }), (ls) => judgedProtocol([PROTOCOL[0], ...ls].join('\n'))),
      { numRuns: 200 },
    );
  });

  it('real rows changed, under small line and field caps: counts reconcile, nothing over the caps stored', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(2_000, 5_000, 1 << 20),
        fc.constantFrom(16, 40, 256 * 1024),
        (edits, line, field) => judgedProtocol(applied(edits), line, field),
      ),
      { numRuns: 200 },
    );
  });
});

describe('DEG series reader, property', () => {
  const judged = (text: string, maxFieldBytes = 256 * 1024) => {
    let r: ReturnType<typeof readDegSeries>;
    try {
      r = readDegSeries(text, 'fuzz.js', maxFieldBytes);
    } catch (e) {
      return refusedOk(e, 'fuzz.js');
    }
    expect(r.rejects.length).toBeLessThanOrEqual(r.linesRead);
    const bad = r.rows.find((row) => ![row.district, row.t, row.votes].every(nonNegative) || Buffer.byteLength(row.choice) > maxFieldBytes);
    expect(bad, 'every stored count a non-negative safe integer, every name within the cap').toBeUndefined();
  };

  it('the real series reads whole', () => {
    const r = readDegSeries(DEG, 'real.js');
    expect(r.rejects).toEqual([]);
    expect(r.linesRead).toBe(2716);
  });

  it('arbitrary text and real text with bytes inserted: refused naming the file, or counts within bounds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => judged(s)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.nat({ max: DEG.length }),
        fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('-1', '1e300', '9007199254740993', ',', ']', '"x"', 'null')),
        fc.constantFrom(4, 256 * 1024),
        (at, ins, field) => judged(DEG.slice(0, at) + ins + DEG.slice(at), field),
      ),
      { numRuns: 100 },
    );
  });
});

describe('file stream, property', () => {
  it('arbitrary bytes: lines, or a VALIDATION error naming the file; no line over the cap is yielded as text', async () => {
    const path = join(t.dir, 'fuzz.csv');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), fc.constantFrom(16, 1 << 20), async (bytes, maxLineBytes) => {
        writeFileSync(path, bytes);
        const got: SourceLine[] = [];
        try {
          for await (const l of sourceLines(path, { maxBytes: 1_500, maxLineBytes, maxFieldBytes: 64 })) got.push(l);
        } catch (e) {
          return refusedOk(e, 'fuzz.csv');
        }
        expect(bytes.length).toBeLessThanOrEqual(1_500);
        got.forEach((l, i) => {
          expect(l.line).toBe(i + 1);
          if (l.text !== undefined) expect(l.text.length).toBeLessThanOrEqual(maxLineBytes);
        });
      }),
      { numRuns: 100 },
    );
  });
});
