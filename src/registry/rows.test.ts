// A register listing written as a file keeps its provenance on every row: the AS data's vintage
// and licence (today's routing, not the dump's), and for a lookup the AS and the lower-bound note.
import { describe, expect, it } from 'vitest';
import { rowsFile } from '../op/index.js';
import { registryAsnsOp, registryLookupOp } from './ops.js';

const csvOf = async (answer: object, binding: NonNullable<typeof registryAsnsOp.rows>) =>
  (
    await rowsFile(answer, binding, 'csv', () => {
      throw new Error('no store needed for CSV');
    })
  ).body as string;

// SYNTHETIC answers, reduced to the keys the rows and the carried fields read.
const asData = {
  package: '@ip-location-db/asn',
  version: '1',
  vintage: '2026-06-17',
  file: 'f',
  licence: 'CC BY 4.0',
  attribution: 'x',
  note: "today's routing",
};

describe('registry rows as files', () => {
  it('asns: every row carries as_data', async () => {
    const csv = await csvOf({ method: 'm', snapshot: { id: 's' }, as_data: asData, items: [{ asn: 1, org: 'O' }] }, registryAsnsOp.rows!);
    expect(csv.split('\r\n')[0]!.split(',')).toContain('as_data');
    expect(csv).toContain('2026-06-17');
  });

  it('lookup: every match row carries the AS (with its as_data) and the note', async () => {
    const answer = {
      query: '149.154.167.99',
      kind: 'ip',
      snapshots_searched: [],
      as: { asn: 62041, org: 'Telegram Messenger Inc', as_data: 'vintage 2026-06-17' },
      note: 'they are partial (lower bounds)',
      matches: [{ snapshot: 's', line: 1 }],
    };
    const csv = await csvOf(answer, registryLookupOp.rows!);
    expect(csv.split('\r\n')[0]!.split(',')).toEqual(expect.arrayContaining(['as', 'note']));
    expect(csv).toContain('Telegram Messenger Inc');
    expect(csv).toContain('lower bounds');
  });
});
