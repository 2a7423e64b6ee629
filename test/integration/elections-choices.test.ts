// One choice, however its header is spelled: files of one election that spell a party in
// another case, with other quotes or spaces, or in another Unicode form are counted as one
// choice (the report names the spellings merged), and a file naming one choice in two columns
// is refused; a station's number written with a space after № or zeros in front is the same
// station. SYNTHETIC: every file here is the real Moscow 2021 cut (test/fixtures) split in
// two with one header cell respelled, or with one column repeated under another number.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textOf } from '../../src/elections/text.js';
import { electionFixture as fx } from '../helpers/elections.js';
import { cli, tempDir } from '../helpers/index.js';

const json = <T = any>(r: { out: string }) => JSON.parse(r.out) as T;
const lines = textOf(readFileSync(fx('kobak-2021-moscow.csv.zip')))
  .trimEnd()
  .split('\n');
const header = lines[0]!;
const UR = '"5. Всероссийская политическая партия ""ЕДИНАЯ РОССИЯ"""';
const GREENS = '"2. Политическая партия ""Российская экологическая партия ""ЗЕЛЁНЫЕ"""';

describe('choices across the files of one election', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const write = (name: string, head: string, rows: string[]) => {
    const p = join(t.dir, name);
    writeFileSync(p, [head, ...rows].join('\n') + '\n');
    return p;
  };
  const whole = write('whole-2021.csv', header, lines.slice(1, 41));

  const spellings: [string, string, string][] = [
    ['case', UR, '"5. Всероссийская политическая партия ""Единая Россия"""'],
    ['guillemets', UR, '5. Всероссийская политическая партия «ЕДИНАЯ РОССИЯ»'],
    ['prefix', UR, '"5. Политическая партия ""ЕДИНАЯ РОССИЯ"""'],
    ['prefix spacing', UR, '"5.  Всероссийская политическая партия  ""ЕДИНАЯ РОССИЯ"" "'],
    ['no-break space', UR, '"5. Всероссийская политическая партия ""ЕДИНАЯ\u00a0РОССИЯ"""'],
    ['NFD', GREENS, GREENS.normalize('NFD')],
    // unnumbered: quoted or in guillemets (a party by its form), or bare (a party the election stores)
    ['guillemets, unnumbered', UR, '«ЕДИНАЯ РОССИЯ»'],
    ['quoted, unnumbered', UR, '"""Единая Россия"""'],
    ['prefix, unnumbered', UR, '"Политическая партия ""Единая Россия"""'],
    ['bare, unnumbered', UR, 'Единая Россия'],
  ];
  it.each(spellings)('%s: one choice with the votes of both files, the stored name kept, the merge reported', async (what, cell, respelled) => {
    expect(header.includes(cell), what).toBe(true);
    const db = join(t.dir, `${what.replace(/\W/g, '')}.duckdb`);
    const ref = join(t.dir, `${what.replace(/\W/g, '')}-ref.duckdb`);
    expect((await cli(['elections', 'import', whole, '--db', ref])).code).toBe(0);
    const a = write(`a-${what.replace(/\W/g, '')}-2021.csv`, header, lines.slice(1, 21));
    const b = write(`b-${what.replace(/\W/g, '')}-2021.csv`, header.replace(cell, respelled), lines.slice(21, 41));
    const r = await cli(['elections', 'import', a, b, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    const merged = json(r).files[1].merged_choices;
    expect(merged).toHaveLength(1);
    expect(merged[0].stored_as).toBe(splitName(cell));
    const want = json(await cli(['elections', 'summary', 'duma-2021', '--json', '--db', ref])).totals.all.choices;
    const got = json(await cli(['elections', 'summary', 'duma-2021', '--json', '--db', db])).totals.all.choices;
    expect(got.map((c: any) => [c.name, c.votes])).toEqual(want.map((c: any) => [c.name, c.votes]));
    const text = await cli(['elections', 'import', b, '--force', '--db', db]);
    expect(text.out).toMatch(/counted as the stored choice/);
  });

  it('an unnumbered party column read first is the stored choice the numbered spelling of a later file merges into', async () => {
    const db = join(t.dir, 'unnumbered-first.duckdb');
    const ref = join(t.dir, 'unnumbered-first-ref.duckdb');
    expect((await cli(['elections', 'import', whole, '--db', ref])).code).toBe(0);
    const a = write('uf-a-2021.csv', header.replace(UR, '«ЕДИНАЯ РОССИЯ»'), lines.slice(1, 21));
    const b = write('uf-b-2021.csv', header, lines.slice(21, 41));
    const r = await cli(['elections', 'import', a, b, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(json(r).files[1].merged_choices).toEqual([{ name: splitName(UR), stored_as: '«ЕДИНАЯ РОССИЯ»' }]);
    const want = json(await cli(['elections', 'summary', 'duma-2021', '--json', '--db', ref])).totals.all.choices;
    const got = json(await cli(['elections', 'summary', 'duma-2021', '--json', '--db', db])).totals.all.choices;
    expect(got.map((c: any) => [c.label_en, c.votes]).sort()).toEqual(want.map((c: any) => [c.label_en, c.votes]).sort());
  });

  it('a column of counts that names no choice in any spelling is not read, listed with its lines, and the import exits 3', async () => {
    const db = join(t.dir, 'unmatched.duckdb');
    const a = write('um-a-2021.csv', header, lines.slice(1, 21));
    const b = write('um-b-2021.csv', header.replace(UR, 'Нечто'), lines.slice(21, 41));
    expect((await cli(['elections', 'import', a, '--db', db])).code).toBe(0);
    const r = await cli(['elections', 'import', b, '--json', '--db', db]);
    expect(r.code, r.err).toBe(3);
    expect(json(r).files[0]).toMatchObject({ stored: 20, rejected: 0, unread_columns: [{ column: expect.any(Number), name: 'Нечто', lines: 20 }] });
    // a rerun of the unchanged file exits as the first run did, and the text names the column
    const again = await cli(['elections', 'import', b, '--db', db]);
    expect(again.code).toBe(3);
    expect(again.out).toMatch(/"Нечто" holds counts on 20 lines but names no choice of duma-2021 in any spelling: not read/);
  });

  it('a re-import of the same file with a respelled header adds no second choice', async () => {
    const db = join(t.dir, 'reimport.duckdb');
    const p = join(t.dir, 'same-2021.csv');
    writeFileSync(p, [header, ...lines.slice(1, 21)].join('\n') + '\n');
    expect((await cli(['elections', 'import', p, '--db', db])).code).toBe(0);
    writeFileSync(p, [header.replace(UR, '"5. Всероссийская политическая партия ""Единая Россия"""'), ...lines.slice(1, 21)].join('\n') + '\n');
    expect((await cli(['elections', 'import', p, '--db', db])).code).toBe(0);
    const s = json(await cli(['elections', 'summary', 'duma-2021', '--json', '--db', db]));
    expect(s.totals.all.choices).toHaveLength(14);
  });

  it('a file naming one choice in two columns is refused (exit 2) naming both columns; nothing is stored', async () => {
    const db = join(t.dir, 'twice.duckdb');
    const cells = lines.slice(1, 21).map((l) => `${l},7`);
    const p = write('twice-2021.csv', `${header},"15. Всероссийская политическая партия ""Единая Россия"""`, cells);
    const r = await cli(['elections', 'import', p, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ЕДИНАЯ РОССИЯ.*Единая Россия|one choice/s);
    expect(r.err).toContain('15. Всероссийская политическая партия "Единая Россия"');
    expect(r.err).toContain('5. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"');
    const list = json(await cli(['elections', 'list', '--json', '--db', db]));
    expect(list.items).toEqual([]);
  });
});

describe('a station across the files of one election', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  it('a station another file stored, its number written "№ 480" or "№0480", is a duplicate_station reject naming that file', async () => {
    const db = join(t.dir, 'st.duckdb');
    const a = join(t.dir, 'first-2021.csv');
    writeFileSync(a, [header, ...lines.slice(1, 21)].join('\n') + '\n');
    expect((await cli(['elections', 'import', a, '--db', db])).code).toBe(0);
    for (const uik of ['УИК № 480', 'УИК №0480']) {
      const b = join(t.dir, `again-${uik.length}-2021.csv`);
      writeFileSync(b, [header, lines[1]!.replace('УИК №480', uik)].join('\n') + '\n');
      const r = await cli(['elections', 'import', b, '--json', '--db', db]);
      expect(r.code, uik).toBe(3);
      expect(json(r).files[0]).toMatchObject({ stored: 0, rejected: 1 });
      expect(json(r).files[0].rejects[0]).toMatchObject({ reason: 'duplicate_station', detail: expect.stringContaining('first-2021.csv') });
    }
  });
});

/** A header cell as the reader sees it (CSV quoting undone). */
function splitName(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}
