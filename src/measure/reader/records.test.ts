// How a file's measurements are found: JSONL lines unchanged, pretty-printed documents and arrays
// as one record per measurement with their line, offset and length, a legacy YAML report as one
// event. The real files are test/fixtures/ooni/formats (SOURCES.md); the bad cases are SYNTHETIC
// text written here.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOf, RecordSource, type RecordEvent } from './records.js';

const FIX = join(import.meta.dirname, '../../../test/fixtures/ooni/formats');
const dir = mkdtempSync(join(tmpdir(), 'records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(path: string, max = 1 << 24): Promise<{ format: string; events: RecordEvent[] }> {
  const src = new RecordSource({ path, gz: path.endsWith('.gz'), max_line_bytes: max });
  const events: RecordEvent[] = [];
  for (let e = await src.next(); e; e = await src.next()) events.push(e);
  return { format: await src.format(), events };
}

function write(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('formatOf', () => {
  it('reads the first non-blank line', () => {
    expect(formatOf('{"test_name":"x"}', 'a.jsonl')).toBe('jsonl');
    expect(formatOf('{', 'a.json')).toBe('json');
    expect(formatOf('  [', 'a.jsonl')).toBe('json');
    expect(formatOf('[{"a":1},{"a":2}]', 'a.json')).toBe('json');
    expect(formatOf('---', 'report.json')).toBe('yaml');
    expect(formatOf('probe_cc: IS', 'r.yamloo.gz')).toBe('yaml');
    // a broken JSONL first line stays JSONL: it is rejected on its own and the next lines are read
    expect(formatOf('{"test_name": "web_connectivity", "oops"', 'a.jsonl')).toBe('jsonl');
  });
});

describe('RecordSource', () => {
  it('a real pretty-printed measurement is one record spanning the file', async () => {
    const path = join(FIX, 'web_connectivity_ir_fp.json');
    const text = readFileSync(path);
    const { format, events } = await read(path);
    expect(format).toBe('json');
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({ lineNo: 1, offset: 0, where: 'JSON document' });
    expect(JSON.parse(e!.bytes!.toString())).toEqual(JSON.parse(text.toString()));
    // the span reads back as the document itself (measurements show seeks there)
    expect(JSON.parse(text.subarray(e!.offset, e!.offset + e!.length).toString())).toEqual(JSON.parse(text.toString()));
  });

  it('a JSON array gives each element with its index, first line and exact byte span, plain or gzip', async () => {
    const path = join(FIX, 'array-ru-cn.json');
    const text = readFileSync(path);
    const want = JSON.parse(text.toString()) as { report_id: string }[];
    for (const p of [path, write('array.json.gz', gzipSync(text))]) {
      const { format, events } = await read(p);
      expect(format).toBe('json');
      expect(events.map((e) => e.where)).toEqual([0, 1, 2].map((i) => `array element [${i}] (the array opens on line 1)`));
      events.forEach((e, i) => {
        expect(JSON.parse(e.bytes!.toString())).toEqual(want[i]);
        expect(JSON.parse(text.subarray(e.offset, e.offset + e.length).toString())).toEqual(want[i]);
        expect(text.subarray(0, e.offset).toString().split('\n')).toHaveLength(e.lineNo);
      });
    }
  });

  it('CRLF, several documents, a one-line array and elements that are not objects are each a record', async () => {
    const text = `\r\n{\r\n  "test_name": "a",\r\n  "s": "x}\\"]\\\\"\r\n}\r\n{"b": [1, {"c": 2}]}  [ 7 , "str,]" , null,{"d":[]} ]\r\n`;
    const path = write('mixed.json', text);
    const { events } = await read(path);
    const got = events.map((e) => [e.lineNo, e.where, e.bytes ? JSON.parse(e.bytes.toString()) : null, text.slice(e.offset, e.offset + e.length)]);
    expect(got).toEqual([
      [2, 'JSON document', { test_name: 'a', s: 'x}"]\\' }, '{\r\n  "test_name": "a",\r\n  "s": "x}\\"]\\\\"\r\n}'],
      [6, 'JSON document', { b: [1, { c: 2 }] }, '{"b": [1, {"c": 2}]}'],
      [6, 'array element [0] (the array opens on line 6)', 7, '7'],
      [6, 'array element [1] (the array opens on line 6)', 'str,]', '"str,]"'],
      [6, 'array element [2] (the array opens on line 6)', null, 'null'],
      [6, 'array element [3] (the array opens on line 6)', { d: [] }, '{"d":[]}'],
    ]);
  });

  it('text outside any value and a document cut short are records (rejected later), never skipped', async () => {
    const path = write('broken.json', '{\n "test_name": "a"\n}\noops, not JSON\n{\n "test_name": "b",\n');
    const { events } = await read(path);
    expect(events.map((e) => [e.lineNo, e.where, e.bytes?.toString()])).toEqual([
      [1, 'JSON document', '{\n "test_name": "a"\n}'],
      [4, 'text outside any JSON value at column 1', 'oops, not JSON'],
      [5, 'JSON document, not closed before the end of the file', '{\n "test_name": "b",\n'],
    ]);
  });

  it('an element over the limit is one oversize record with its full length, and the next is read', async () => {
    const big = JSON.stringify({ test_name: 'big', body: 'x'.repeat(5000) }, null, 1);
    const path = write('big.json', `[\n${big},\n{"test_name": "small"}\n]\n`);
    const { events } = await read(path, 1000);
    expect(events.map((e) => [e.lineNo, e.bytes === null, e.length])).toEqual([
      [2, true, big.length],
      [2 + big.split('\n').length, false, '{"test_name": "small"}'.length],
    ]);
  });

  it('JSONL comes out line by line as before', async () => {
    const path = write('lines.jsonl', '{"a":1}\n\n{"a":\n[1]\n');
    const { format, events } = await read(path);
    expect(format).toBe('jsonl');
    expect(events.map((e) => [e.lineNo, e.offset, e.bytes?.toString(), e.where])).toEqual([
      [1, 0, '{"a":1}', undefined],
      [2, 8, '', undefined],
      [3, 9, '{"a":', undefined],
      [4, 15, '[1]', undefined],
    ]);
  });

  it('a real legacy YAML report is one unsupported event naming the report, whatever its name', async () => {
    const text = readFileSync(join(FIX, 'binary_city.yaml'));
    for (const name of ['binary_city.yaml', 'report.yamloo', 'report.json']) {
      const { format, events } = await read(write(name, text));
      expect(format).toBe('yaml');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ bytes: null, lineNo: 1, offset: 0 });
      expect(events[0]!.unsupported).toMatch(/^a legacy ooniprobe YAML report \(report_id PqtugF8d\w+, test_name http_requests, probe_cc IS\): YAML reports/);
      expect(events[0]!.unsupported).toContain('jsonl/<test_name>/<CC>/<YYYYMMDD>/');
    }
  });

  it('a YAML file that is no ooniprobe report (SYNTHETIC, as a folder walk may meet one) is not called one', async () => {
    const { format, events } = await read(write('compose.yml', 'services:\n  db:\n    image: x\n'));
    expect(format).toBe('yaml');
    expect(events.map((e) => [e.lineNo, e.unsupported])).toEqual([
      [1, 'a YAML file, not an ooniprobe report (its first document has no report_id, test_name or probe_cc): not read, nothing in this file was stored'],
    ]);
  });
});
