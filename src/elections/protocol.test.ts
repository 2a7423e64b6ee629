import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath, repeatedColumns } from '../shared/index.js';
import { flagsOf, type Counts } from './model.js';
import { choiceEnglish, choiceLabel, kindOf, mapHeader, missingColumns, yearOf, yearsOf } from './protocol.js';
import { parseCount, readProtocol } from './read-protocol.js';
import { splitCsv, textOf } from './text.js';

const fixture = (f: string) => packagePath('test', 'fixtures', 'elections', f);

describe('protocol header', () => {
  it('maps the real 2021 header (Moscow cut) to named columns and 14 parties', () => {
    const text = textOf(readFileSync(fixture('kobak-2021-moscow.csv.zip')));
    const h = mapHeader(splitCsv(text.slice(0, text.indexOf('\n')))!);
    expect(Object.keys(h.counts).sort()).toEqual([
      'cancelled',
      'in_mobile',
      'in_stationary',
      'invalid',
      'issued_early',
      'issued_outside',
      'issued_station',
      'lost',
      'received',
      'registered',
      'unaccounted',
      'valid',
    ]);
    expect(h.choices).toHaveLength(14);
    expect(h.choices[4]!.choice).toMatchObject({ label: 'ЕДИНАЯ РОССИЯ', label_en: 'United Russia' });
    expect(kindOf(h)).toBe('duma');
    expect(missingColumns(h)).toEqual([]);
  });

  it('names the missing columns of an unknown header', () => {
    const h = mapHeader(['region', 'tik', 'uik', 'Число избирателей, внесенных в список', 'ЕДИНАЯ РОССИЯ']);
    expect(missingColumns(h).join('; ')).toMatch(/valid .*invalid .*issued/);
  });

  it('labels, kinds and years', () => {
    expect(choiceLabel('12. Политическая партия "КОММУНИСТИЧЕСКАЯ ПАРТИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ"')).toBe('КОММУНИСТИЧЕСКАЯ ПАРТИЯ РОССИЙСКОЙ ФЕДЕРАЦИИ');
    expect(choiceLabel('14. ПАРТИЯ ПЕНСИОНЕРОВ')).toBe('ПАРТИЯ ПЕНСИОНЕРОВ');
    expect(yearOf('kobak-2018.csv.zip')).toBe(2018);
    expect(yearOf('results.csv')).toBeNull();
    // SYNTHETIC names: a range, a date, a number that is no year.
    expect(yearsOf('data-2016-2021.csv')).toEqual([2016, 2021]);
    expect(yearsOf('2021-03-01.csv')).toEqual([2021]);
    expect(yearsOf('kobak-2021-2021.csv')).toEqual([2021]);
    expect(yearsOf('uik12021.csv')).toEqual([]);
    expect(kindOf(mapHeader(['region', 'ДА', 'НЕТ']))).toBe('referendum');
  });

  const header2020 = () => {
    const text = readFileSync(fixture('kobak-2020-moscow-3tik.csv'), 'utf8');
    return splitCsv(text.slice(0, text.indexOf('\n')))!;
  };

  it('reads each real header as its protocol, every column placed', () => {
    const heads = {
      'kobak-2021-moscow.csv.zip': 'duma',
      'kobak-2016-every25th.csv.zip': 'duma',
      'kobak-2020-every25th.csv.zip': 'referendum',
      'kobak-2024-electronic-voting.csv': 'president',
    } as const;
    for (const [f, kind] of Object.entries(heads)) {
      const text = textOf(readFileSync(fixture(f)));
      const h = mapHeader(splitCsv(text.slice(0, text.indexOf('\n')).replace(/\r$/, ''))!);
      expect([f, kindOf(h), missingColumns(h)]).toEqual([f, kind, []]);
      // absentee-certificate lines only (2016); never a column the protocol does not know
      expect(h.ignored.every((c) => /открепительн/i.test(c))).toBe(true);
    }
  });

  it('a repeated column name is found (the 2020 header with a second ДА, SYNTHETIC)', () => {
    expect(repeatedColumns(header2020())).toEqual([]);
    expect(repeatedColumns([...header2020(), 'ДА', ' ДА '])).toEqual(['ДА']);
  });

  it('a partial header is no protocol: the 2020 header without ДА lacks ДА for the referendum (SYNTHETIC)', () => {
    const h = mapHeader(header2020().filter((c) => c !== 'ДА'));
    expect(kindOf(h)).toBe('referendum');
    expect(missingColumns(h)).toEqual(['ДА']);
    expect(missingColumns(mapHeader(['region', 'Число избирателей, внесенных в список', 'НЕТ'])).join('; ')).toMatch(/valid .*invalid .*issued .*ДА$/);
  });

  it('columns outside the protocol are ignored, not read as choices (SYNTHETIC: the 2020 header plus a note)', () => {
    const h = mapHeader([...header2020(), 'note', '']);
    expect(h.choices.map((c) => c.choice.name)).toEqual(['ДА', 'НЕТ']);
    expect(h.ignored).toEqual(['note', '(column 13, no name)']);
    // a presidential ballot's candidates are people: a note beside them is not one
    const p = mapHeader([
      'region',
      'Число избирателей, включенных в список',
      'Число бюллетеней, выданных',
      'Число недействительных',
      'Число действительных',
      'Путин Владимир Владимирович',
      'Иванов И. И.',
      'note',
    ]);
    expect([kindOf(p), p.choices.map((c) => c.choice.name), p.ignored]).toEqual(['president', ['Путин Владимир Владимирович', 'Иванов И. И.'], ['note']]);
  });

  it('splits quoted CSV and reads counts strictly', () => {
    expect(splitCsv('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"']);
    expect(splitCsv('a,"b')).toBeNull();
    expect([parseCount('120'), parseCount('12.0'), parseCount('-3'), parseCount('5l0'), parseCount('')]).toEqual([120, 12, null, null, null]);
  });
});

describe('rows that do not add up are kept and flagged', () => {
  const base: Counts = {
    registered: 1000,
    received: 1000,
    issued_early: 0,
    issued_station: 500,
    issued_outside: 20,
    issued: null,
    cancelled: 480,
    in_mobile: 20,
    in_stationary: 500,
    in_boxes: null,
    invalid: 10,
    valid: 510,
    lost: 0,
    unaccounted: 0,
  };
  it('flags each inconsistency by name', () => {
    expect(flagsOf(base, [300, 210])).toEqual([]);
    expect(flagsOf({ ...base, valid: 600, in_stationary: 590 }, [300, 300])).toEqual(['valid_over_issued']);
    expect(flagsOf(base, [300, 300])).toEqual(['choices_over_valid']);
    expect(flagsOf({ ...base, registered: 500 }, [300, 210])).toEqual(['turnout_over_100']);
  });

  it('reads the synthetic bad file: 4 stored (3 flagged), 4 rejected with line and reason', () => {
    const r = readProtocol(readFileSync(fixture('synthetic-bad-2021.csv'), 'utf8'), 'synthetic-bad-2021.csv');
    expect(r.linesRead).toBe(8);
    expect(r.rows.map((x) => [x.line, x.flags])).toEqual([
      [2, []],
      [3, ['valid_over_issued']],
      [4, ['choices_over_valid']],
      [5, ['turnout_over_100']],
    ]);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [6, 'not_a_count'],
      [7, 'column_count'],
      [8, 'duplicate_station'],
      [9, 'not_a_count'],
    ]);
    expect(r.rejects[0]!.detail).toContain('valid (column 15)');
    expect(r.rejects[0]!.detail).not.toContain('5l0');
    expect(r.rejects.every((x) => x.file === 'synthetic-bad-2021.csv')).toBe(true);
  });

  it('a count over 2^53 - 1, or one taking a column total of the file over it, is a count_too_large reject naming the line and column; no stored total loses precision', () => {
    // SYNTHETIC edits of the real Moscow 2021 cut: one or two cells made huge.
    const lines = textOf(readFileSync(fixture('kobak-2021-moscow.csv.zip')))
      .trimEnd()
      .split('\n')
      .slice(0, 11);
    const header = splitCsv(lines[0]!)!;
    const reg = header.findIndex((c) => c.startsWith('Число избирателей'));
    const ur = header.findIndex((c) => c.includes('ЕДИНАЯ РОССИЯ'));
    const set = (line: string, i: number, v: string) => {
      const c = splitCsv(line)!;
      c[i] = v;
      return c.map((x) => (/[",]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(',');
    };
    const file = (edits: [number, number, string][]) => {
      const out = [...lines];
      for (const [l, i, v] of edits) out[l - 1] = set(out[l - 1]!, i, v);
      return readProtocol(out.join('\n') + '\n', 'huge-2021.csv');
    };
    const one = file([[5, ur, '9007199254740993']]);
    expect(one.rejects.map((x) => [x.line, x.reason])).toEqual([[5, 'count_too_large']]);
    expect(one.rejects[0]!.detail).toMatch(new RegExp(`^too large: "ЕДИНАЯ РОССИЯ" \\(column ${ur + 1}\\) is over 9,007,199,254,740,991 \\(2\\^53 - 1\\)`));
    const two = file([
      [5, reg, '9007199254740991'],
      [6, reg, '9007199254740991'],
    ]);
    expect(two.rejects.map((x) => [x.line, x.reason])).toEqual([
      [5, 'count_too_large'],
      [6, 'count_too_large'],
    ]);
    expect(two.rejects[0]!.detail).toMatch(new RegExp(`^too large: registered \\(column ${reg + 1}\\) would take the file's total`));
    expect(two.rows.length + two.rejects.length).toBe(two.linesRead);
    expect(two.rows.reduce((a, r) => a + r.counts.registered!, 0)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });

  it('rejects a row naming no station (an empty region, oik, tik or uik), naming the column; a DEG commission has no uik', () => {
    // SYNTHETIC edits of the real synthetic-bad file's first rows: ids emptied one at a time.
    const lines = readFileSync(fixture('synthetic-bad-2021.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const col = (name: string) => header.indexOf(name);
    const blank = (line: string, i: number) =>
      line
        .split(',')
        .map((c, k) => (k === i ? '' : c))
        .join(',');
    const rows = ['region', 'oik', 'tik', 'uik'].map((id) => blank(lines[1]!, col(id)));
    const r = readProtocol([lines[0], ...rows].join('\n') + '\n', 'ids.csv');
    expect(r.rows).toHaveLength(0);
    expect(r.rejects.map((x) => [x.line, x.reason, x.detail])).toEqual(
      ['region', 'oik', 'tik', 'uik'].map((id, k) => [k + 2, 'missing_station_id', `${id} (column ${col(id) + 1}) is empty: the row names no station`]),
    );
    const deg = blank(lines[1]!, col('uik'))
      .split(',')
      .map((c, k) => (k === col('tik') ? 'Дистанционное электронное голосование' : c))
      .join(',');
    expect(readProtocol([lines[0], deg].join('\n') + '\n', 'deg.csv').rows.map((x) => x.kind)).toEqual(['virtual']);
  });

  it('marks Moscow DEG pseudo-stations 5001-5015 electronic in the 2021 Duma election', () => {
    const r = readProtocol(textOf(readFileSync(fixture('kobak-2021-moscow.csv.zip'))), 'm', undefined, 'duma-2021');
    const virtual = r.rows.filter((x) => x.electronic);
    expect(r.rows).toHaveLength(3660);
    expect(virtual.map((x) => x.uik)).toEqual(Array.from({ length: 15 }, (_, i) => `УИК №${5001 + i}`));
    expect(virtual.every((x) => x.kind === 'virtual' && x.region_code === 'RU-MOW')).toBe(true);
  });

  it('keeps Moscow stations numbered 5011-5015 on paper in an election without DEG stations (2020 referendum, real rows)', () => {
    const text = readFileSync(fixture('kobak-2020-moscow-3tik.csv'), 'utf8');
    const r = readProtocol(text, 'kobak-2020-moscow-3tik.csv', undefined, 'referendum-2020');
    expect(r.rows).toHaveLength(73);
    const fifty = r.rows.filter((x) => /№50(0[1-9]|1[0-5])$/.test(x.uik ?? ''));
    expect(fifty.map((x) => [x.uik, x.counts.registered])).toEqual([
      ['УИК №5011', 1043],
      ['УИК №5012', 520],
      ['УИК №5013', 570],
      ['УИК №5014', 1215],
      ['УИК №5015', 1265],
    ]);
    expect(r.rows.filter((x) => x.electronic || x.kind !== 'station')).toEqual([]);
    // Told nothing about the election, the reader marks no Moscow station electronic either.
    expect(readProtocol(text, 'f').rows.some((x) => x.electronic)).toBe(false);
  });

  it('names every candidate of the presidential ballots 2012, 2018 and 2024 in English (header cells as the CEC files spell them)', () => {
    const names = [
      ...[
        'Жириновский Владимир Вольфович',
        'Зюганов Геннадий Андреевич',
        'Миронов Сергей Михайлович',
        'Прохоров Михаил Дмитриевич',
        'Путин Владимир Владимирович',
      ],
      ...[
        'Бабурин Сергей Николаевич',
        'Грудинин Павел Николаевич',
        'Собчак Ксения Анатольевна',
        'Сурайкин Максим Александрович',
        'Титов Борис Юрьевич',
        'Явлинский Григорий Алексеевич',
      ],
      ...['Даванков Владислав Андреевич', 'Слуцкий Леонид Эдуардович', 'Харитонов Николай Михайлович'],
    ];
    expect(names.filter((n) => choiceEnglish(choiceLabel(n)) === null)).toEqual([]);
    expect(['Бабурин Сергей Николаевич', 'Сурайкин Максим Александрович', 'Титов Борис Юрьевич'].map((n) => choiceEnglish(n))).toEqual([
      'Sergey Baburin',
      'Maxim Suraykin',
      'Boris Titov',
    ]);
  });
});

describe('a station is one station however its number is written', () => {
  const text = textOf(readFileSync(fixture('kobak-2021-moscow.csv.zip')));
  const lines = text.trimEnd().split('\n');
  it.each([
    ['a space after №', 'УИК № 480'],
    ['zeros in front', 'УИК №0480'],
    ['both, and another case', 'уик №  00480'],
  ])('%s: the copy is a duplicate_station reject (SYNTHETIC: the first real row appended again, respelled)', (_what, uik) => {
    const copy = lines[1]!.replace('УИК №480', uik);
    expect(copy).not.toBe(lines[1]);
    const r = readProtocol([...lines.slice(0, 21), copy].join('\n'), 'respelled-2021.csv');
    expect(r.rows).toHaveLength(20);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([[22, 'duplicate_station']]);
  });
  it('different numbers stay different stations', () => {
    const other = lines[1]!.replace('УИК №480', 'УИК №4800');
    expect(readProtocol([...lines.slice(0, 21), other].join('\n'), 'other-2021.csv').rows).toHaveLength(21);
  });
});
