import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registryAsnsOp } from '../registry/ops.js';
import { atPath, columnsOf, flatCell, isPaged, nextCursor, rowFormat, rowsFile, rowsOf, schemaColumns, schemaIntColumns } from './rows.js';

// SYNTHETIC answers: the shapes ops give (a list of rows beside a method and its sources).
const answer = {
  method: 'median ratio, target vs control',
  data_vintage: '2021-05-19',
  sources: [{ name: 'speed tests', licence: 'CC BY 4.0' }],
  items: [
    { cc: 'RU', asn: 'AS12389', day: '2021-03-10', n: 12, share: 0.75, throttled: true, names: ['Rostelecom', 'PJSC, "RT"'], usd: { rate: 73.1 } },
    { cc: 'RU', asn: 'AS8359', day: '2021-03-11', n: 3, share: null, throttled: false, names: [], extra: '=1+1' },
  ],
};

describe('an op answer as rows', () => {
  it('flattens: plain values as they are, plain lists joined, objects as JSON text, nothing as empty', () => {
    expect([flatCell('x'), flatCell(2), flatCell(false), flatCell(null), flatCell(undefined)]).toEqual(['x', 2, false, null, null]);
    expect(flatCell(['a', 'b'])).toBe('a; b');
    expect(flatCell([{ a: 1 }])).toBe('[{"a":1}]');
    expect(flatCell({ a: [1, 2] })).toBe('{"a":[1,2]}');
  });

  it('carries the named top-level fields onto every row, after the row keys in first-seen order', () => {
    const rows = rowsOf(answer, { key: 'items', carry: ['method', 'data_vintage'] });
    expect(rows.map((r) => r.method)).toEqual([answer.method, answer.method]);
    expect(columnsOf(rows, ['method', 'data_vintage'])).toEqual([
      'cc',
      'asn',
      'day',
      'n',
      'share',
      'throttled',
      'names',
      'usd',
      'extra',
      'method',
      'data_vintage',
    ]);
    expect(() => rowsOf(answer, { key: 'nope' })).toThrow(/no list at "nope"/);
  });

  it('CSV: one line per row, quoted where needed, a formula neutralised, absent values empty', async () => {
    const f = await rowsFile(answer, { key: 'items', carry: ['method'] }, 'csv', () => {
      throw new Error('no store needed for CSV');
    });
    const lines = (f.body as string).split('\r\n');
    expect(f.rows).toBe(2);
    expect(lines[0]).toBe('cc,asn,day,n,share,throttled,names,usd,extra,method');
    expect(lines[1]).toBe('RU,AS12389,2021-03-10,12,0.75,true,"Rostelecom; PJSC, ""RT""","{""rate"":73.1}",,"median ratio, target vs control"');
    expect(lines[2]).toBe('RU,AS8359,2021-03-11,3,,false,,,\'=1+1,"median ratio, target vs control"');
  });

  it('NDJSON keeps each row whole, with the carried fields', async () => {
    const f = await rowsFile(answer, { key: 'items', carry: ['sources'] }, 'ndjson', () => {
      throw new Error('no store needed for NDJSON');
    });
    const docs = (f.body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs[0]).toEqual({ ...answer.items[0], sources: answer.sources });
  });

  it('a format that is not a row format is refused, naming the flag', () => {
    expect(rowFormat('parquet')).toBe('parquet');
    expect(() => rowFormat('json')).toThrow(/--format must be one of csv, ndjson, parquet \(json is the default answer\), got "json"/);
    expect(() => rowFormat('xml', 'format')).toThrow(/^format must be one of/);
  });

  it('a page of a longer list: its non-null next_cursor; an answer without pages, or the last page, has none', () => {
    expect([nextCursor({ items: [], next_cursor: 'abc' }), isPaged({ items: [], next_cursor: 'abc' })]).toEqual(['abc', true]);
    expect([nextCursor({ items: [], next_cursor: null }), isPaged({ items: [], next_cursor: null })]).toEqual([null, true]);
    expect([nextCursor(answer), isPaged(answer)]).toEqual([null, false]);
  });
});

describe('a list inside the answer (a dotted key)', () => {
  // SYNTHETIC answer shaped like a fingerprint's: the rows are under result.bins.
  const answer = { method: 'm', result: { mode: 3, bins: [{ turnout_from: 24, valid: 10 }] } };

  it('reaches the list by its path and carries top-level fields', () => {
    expect(atPath(answer, 'result.mode')).toBe(3);
    expect(atPath(answer, 'result.nothing.deeper')).toBeUndefined();
    expect(rowsOf(answer, { key: 'result.bins', carry: ['method'] })).toEqual([{ turnout_from: 24, valid: 10, method: 'm' }]);
    expect(() => rowsOf(answer, { key: 'result.mode' })).toThrow(/no list at "result.mode"/);
  });

  it("takes the columns from the output schema's nested list, through a nullable object", () => {
    const schema = z.object({ result: z.object({ bins: z.array(z.object({ turnout_from: z.number(), valid: z.number() })) }).nullable() });
    expect(schemaColumns(schema, { key: 'result.bins' })).toEqual(['turnout_from', 'valid']);
    expect(schemaColumns(schema, { key: 'result.other', columns: ['x'] })).toEqual(['x']);
  });
});

describe('Parquet types follow the output schema', () => {
  it('a column the schema declares a whole number is BIGINT, whatever its values; a number column is DOUBLE even when its values are whole', async () => {
    const schema = z.object({
      items: z.array(z.object({ asn: z.number().int(), share: z.number(), n: z.number().int().min(0).nullable(), name: z.string() })),
    });
    const binding = { key: 'items' };
    const ints = schemaIntColumns(schema, binding);
    expect([...ints].sort()).toEqual(['asn', 'n']);
    let seen: { name: string; type: string }[] = [];
    const tabular = () => ({ toParquet: async (cols: { name: string; type: string }[]) => ((seen = cols), Buffer.alloc(0)) }) as never;
    const answer = {
      items: [
        { asn: 44244, share: 1, n: null, name: 'IranCell' },
        { asn: 197207, share: 0, n: 3, name: 'MCI' },
      ],
    };
    await rowsFile(answer, binding, 'parquet', tabular, schemaColumns(schema, binding), ints);
    expect(Object.fromEntries(seen.map((c) => [c.name, c.type]))).toEqual({ asn: 'BIGINT', share: 'DOUBLE', n: 'BIGINT', name: 'VARCHAR' });
  });

  it('registry asns: the AS number and every count are BIGINT', () => {
    const ints = schemaIntColumns(registryAsnsOp.output, registryAsnsOp.rows!);
    for (const c of ['asn', 'blocked']) expect(ints.has(c), c).toBe(true);
  });
});
