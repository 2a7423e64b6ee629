// How an event's end reads, on events mapped from real STOP records (test/fixtures/stop:
// contradicted-dates.csv, Congo-Kinshasa 2017 with the duration "-363"; cost-sample.csv, with
// shutdowns STOP marks ongoing and ones it recorded no end for).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { endNotRecorded, endText } from './end-text.js';
import { mapStopRow, parseStopCsv } from './stop/index.js';

const mapped = (file: string) =>
  parseStopCsv(readFileSync(packagePath('test', 'fixtures', 'stop', file), 'utf8'), file).flatMap((r) => {
    const m = mapStopRow(r, '2026-05-20');
    return 'reject' in m ? [] : [{ row: r, fields: m.fields as { end: string | null; notes: string | null } }];
  });

describe('endText', () => {
  it('says "end not recorded" for an end the import did not trust, never "ongoing"', () => {
    const [drc2017, drc2018] = mapped('contradicted-dates.csv');
    expect(drc2017!.fields.end).toBeNull();
    expect(endNotRecorded(drc2017!.fields)).toBe(true);
    expect(endText(drc2017!.fields)).toBe('end not recorded');
    expect(endText(drc2018!.fields)).toBe(drc2018!.row.end_date);
  });
  it('says "ongoing" exactly for the records without an end that STOP marks ongoing', () => {
    const open = mapped('cost-sample.csv').filter((m) => m.fields.end === null);
    expect(open.some((m) => m.row.shutdown_status === 'Ongoing')).toBe(true);
    for (const m of open) expect(endText(m.fields), m.row.start_date).toBe(m.row.shutdown_status === 'Ongoing' ? 'ongoing' : 'end not recorded');
  });
});
