// Files that are not JSONL, through the CLI on both engines: a real pretty-printed measurement and
// a JSON array of real measurements are stored (each with its first line, readable again by
// `measurements show`, judged as the same measurements in JSONL are), and a real legacy YAML
// report is one unsupported_format reject naming the file. Fixtures: test/fixtures/ooni/formats
// (SOURCES.md); the JSONL and gzip copies are written here from them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { variedLines } from '../helpers/ooni.js';

const FIX = join(import.meta.dirname, '../fixtures/ooni/formats');
const t = tempDir();
afterAll(() => t.cleanup());

type Row = { id: string; status: string; mechanism: string | null; rules: string[]; input: string | null; probe_cc: string };
const list = async (db: string): Promise<Row[]> => {
  const r = await cli(['measurements', 'list', '--json', '--db', db]);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out).items as Row[]).sort((a, b) => a.id.localeCompare(b.id));
};

describe.each(['js', 'duckdb'])('ingest --engine %s of JSON documents, a JSON array and a YAML report', (engine) => {
  it('stores each measurement, rejects the YAML report once, and reconciles', async () => {
    const dir = join(t.dir, engine);
    mkdirSync(dir);
    for (const f of ['web_connectivity_ir_fp.json', 'array-ru-cn.json', 'binary_city.yaml']) copyFileSync(join(FIX, f), join(dir, f));
    // the same array gzipped, under a .yamloo name it is not: the content decides
    writeFileSync(join(dir, 'array-copy.json.gz'), gzipSync(readFileSync(join(FIX, 'array-ru-cn.json'))));
    writeFileSync(join(dir, 'legacy.yamloo'), readFileSync(join(FIX, 'binary_city.yaml')));
    const db = join(t.dir, `${engine}.duckdb`);
    const r = await cli(['ingest', dir, '--json', '--db', db, '--engine', engine, '--workers', engine === 'js' ? '0' : '1']);
    expect(r.code, r.err).toBe(3); // the YAML reports are rejects
    const rep = JSON.parse(r.out);
    expect(rep).toMatchObject({ lines_read: 9, stored: 4, duplicates: 3, rejected: 2, filtered: 0, reconciled: true });
    const byName = Object.fromEntries(rep.per_file.map((f: { path: string }) => [f.path.split('/').pop(), f]));
    expect(byName['array-ru-cn.json']).toMatchObject({ format: 'json', lines_read: 3, rejected: 0 });
    expect(byName['array-copy.json.gz']).toMatchObject({ format: 'json', lines_read: 3, rejected: 0 });
    expect(byName['web_connectivity_ir_fp.json']).toMatchObject({ format: 'json', lines_read: 1, stored: 1 });
    expect(byName['binary_city.yaml']).toMatchObject({ format: 'yaml', lines_read: 1, stored: 0, rejected: 1 });
    const yaml = rep.rejects.filter((j: { reason: string }) => j.reason === 'unsupported_format');
    expect(yaml.map((j: { path: string; line: number }) => [j.path.split('/').pop(), j.line]).sort()).toEqual([
      ['binary_city.yaml', 1],
      ['legacy.yamloo', 1],
    ]);
    expect(yaml[0].detail).toMatch(/legacy ooniprobe YAML report .*not supported.*nothing in this file was stored.*jsonl\//);

    // each stored element points at its first line and reads back whole
    const rows = await list(db);
    const rutor = rows.find((m) => m.input === 'http://rutor.org/')!;
    expect(rutor).toMatchObject({ probe_cc: 'RU', status: 'blocked', mechanism: 'http.blockpage' });
    const shown = JSON.parse((await cli(['measurements', 'show', rutor.id, '--json', '--db', db])).out);
    expect(shown.raw.report_id).toBe('20200303T085244Z_AS42668_UThI3Fdoo0IZ6610604dd0CGkhd7oQV6QLWWzZDVLJ35oGxBO4');
    expect(shown.line).toBe(2);
    expect(rows.find((m) => m.probe_cc === 'IR')).toMatchObject({ status: 'blocked', mechanism: 'dns.injection.blockpage' });

    // the same measurements as JSONL get the same ids and verdicts
    const jsonl = join(t.dir, `${engine}-same.jsonl`);
    const docs = [
      ...(JSON.parse(readFileSync(join(FIX, 'array-ru-cn.json'), 'utf8')) as unknown[]),
      JSON.parse(readFileSync(join(FIX, 'web_connectivity_ir_fp.json'), 'utf8')),
    ];
    writeFileSync(jsonl, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const db2 = join(t.dir, `${engine}-jsonl.duckdb`);
    const r2 = await cli(['ingest', jsonl, '--json', '--db', db2, '--engine', engine, '--workers', engine === 'js' ? '0' : '1']);
    expect(JSON.parse(r2.out)).toMatchObject({ stored: 4, rejected: 0 });
    expect(await list(db2)).toEqual(rows);
  });
});

it('a JSON document that is cut short or has text after it: one reject each, naming where, and the rest is stored', async () => {
  const doc = readFileSync(join(FIX, 'web_connectivity_ir_fp.json'), 'utf8');
  const [first, second] = JSON.parse(readFileSync(join(FIX, 'array-ru-cn.json'), 'utf8')) as unknown[];
  // SYNTHETIC: real documents with stray text after the first and the last one cut in half
  const cut = JSON.stringify(second, null, 2);
  const text = `${JSON.stringify(first, null, 2)}\nnot json\n${doc}${cut.slice(0, cut.length >> 1)}`;
  const file = join(t.dir, 'broken.json');
  writeFileSync(file, text);
  const r = await cli(['ingest', file, '--json', '--db', join(t.dir, 'broken.duckdb'), '--workers', '0']);
  expect(r.code).toBe(3);
  const rep = JSON.parse(r.out);
  expect(rep).toMatchObject({ lines_read: 4, stored: 2, rejected: 2, reconciled: true });
  const firstLines = JSON.stringify(first, null, 2).split('\n').length;
  expect(rep.rejects.map((j: { line: number; reason: string; detail: string }) => [j.line, j.reason, j.detail.split(':')[0]])).toEqual([
    [firstLines + 1, 'malformed_json', 'text outside any JSON value at column 1'],
    [firstLines + 2 + doc.split('\n').length - 1, 'malformed_json', 'JSON document, not closed before the end of the file'],
  ]);
});

it('--engine duckdb reads a JSON array too large for the line-by-line lane in JavaScript, every element stored', async () => {
  // SYNTHETIC: real measurements with new report ids, as one pretty-printed array over 1 MB
  const lines = variedLines(400, 'arr');
  const file = join(t.dir, 'big-array.json');
  writeFileSync(
    file,
    JSON.stringify(
      lines.map((l) => JSON.parse(l) as unknown),
      null,
      2,
    ),
  );
  expect(readFileSync(file).length).toBeGreaterThan(1_000_000);
  const r = await cli(['ingest', file, '--json', '--db', join(t.dir, 'big.duckdb'), '--engine', 'duckdb', '--workers', '1']);
  expect(r.code, r.err).toBe(0);
  const rep = JSON.parse(r.out);
  expect(rep).toMatchObject({ lines_read: 400, stored: 400, rejected: 0, reconciled: true });
  expect(rep.fast).toMatchObject({ projected: 0, full: 400, fallbacks: [{ reason: 'the file is JSON documents, not JSONL' }] });
});
