import { describe, expect, it } from 'vitest';
import { keepCsvRows } from './csv-rows.js';

describe('keepCsvRows', () => {
  it("keeps the header and the records whose column holds one of the values, each record's text as the API wrote it", () => {
    // SYNTHETIC export: quoted cells with commas, quotes and a line break, as RFC 4180 writes them
    const csv = [
      'id,title,countries,sources',
      'cn-ru-2015-pact,"Pact on ""information security"", signed",CN; RU,"[{""url"":""https://a""}]"',
      'cn-only,"Two\nlines",CN,',
      'ru-cn-2019,Plain,CN; RU,',
      '',
    ].join('\r\n');
    const out = keepCsvRows(csv, 'id', ['ru-cn-2019', 'cn-ru-2015-pact']);
    expect(out.split('\r\n')).toEqual([
      'id,title,countries,sources',
      'cn-ru-2015-pact,"Pact on ""information security"", signed",CN; RU,"[{""url"":""https://a""}]"',
      'ru-cn-2019,Plain,CN; RU,',
      '',
    ]);
  });
  it('a file without the column is returned whole rather than emptied', () => {
    expect(keepCsvRows('a,b\r\n1,2\r\n', 'id', ['x'])).toBe('a,b\r\n1,2\r\n');
  });
});
