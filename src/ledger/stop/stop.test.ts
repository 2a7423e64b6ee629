import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress, packagePath } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import type { LedgerEvent } from '../model.js';
import { tempStore } from '../../../test/helpers/index.js';
import { accessNowCounts, top10vpnCosts } from './derive.js';
import { importStop } from './import.js';
import { seedLedger } from '../seed.js';
import { findDuplicates } from './duplicates.js';
import { STOP_END_NOT_RECORDED, datesContradicted, liveFeatures, mapStopRow, stopEventKey } from './map.js';
import { parseStopCsv, type StopRow } from './parse.js';
import { importStopFile } from './load.js';
import { listIndicators } from '../indicators.js';
import { stopRecordTexts, stopRecordTextsByYear } from './record-texts.js';

const fixture = (name: string) => readFileSync(packagePath('test', 'fixtures', 'stop', name), 'utf8');
const real = () => parseStopCsv(fixture('real-sample.csv'), 'real-sample.csv');
/** The shipped snapshot's text, read once for the file. */
const SNAPSHOT_TEXT = readFileSync(packagePath('data', 'events', 'accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv'), 'utf8');
let snapshotCells: string[][] | undefined;
/** The shipped snapshot as csv-parse reads it (cells, header first), parsed once and only read. */
const snapshotRecords = (): string[][] => (snapshotCells ??= parse(SNAPSHOT_TEXT, { bom: true, relax_column_count: true }));
let snapshotRows: StopRow[] | undefined;
/** The shipped snapshot as parseStopCsv reads it under its own name, parsed once for the tests that pick records of it. */
const snapshot = (): StopRow[] => (snapshotRows ??= parseStopCsv(SNAPSHOT_TEXT, 'accessnow_stop_combined_2016-2025_snapshot-2026-05-20.csv'));
/** The real records of test/fixtures/stop/cost-sample.csv. */
const costSample = () => parseStopCsv(fixture('cost-sample.csv'), 'cost-sample.csv');

describe('parseStopCsv', () => {
  it('keeps line breaks inside cells and counts records, not lines', () => {
    const rows = real();
    expect(rows).toHaveLength(10);
    const multi = rows.filter((r) => r.event.includes('\n'));
    expect(multi).toHaveLength(2);
    // the record after a multi-line cell starts on a later physical line than its record number
    expect(rows[rows.length - 1]!._line).toBeGreaterThan(rows.length + 1);
  });
  it('reads the shipped snapshot saved with CRLF everywhere (inside cells too) cell for cell as the original, each record on its own line', () => {
    const text = SNAPSHOT_TEXT;
    const copy = `\uFEFF${text.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n')}`;
    const rows = parseStopCsv(text, 'a.csv');
    const crlf = parseStopCsv(copy, 'copy.csv');
    expect(crlf).toEqual(rows);
    expect(crlf.filter((r) => r.event.includes('\n')).length).toBeGreaterThan(0);
    // line L of either file begins with the record said to start there
    for (const [file, parsed] of [
      [text, rows],
      [copy.slice(1), crlf],
    ] as const) {
      const lines = file.split(/\r\n|\n|\r/);
      const wrong = parsed.filter((r) => !lines[r._line - 1]!.startsWith(`${r.start_date_type},${r.start_date},`));
      expect(wrong.map((r) => [r._record, r._line])).toEqual([]);
    }
  });
  it('counts a CRLF inside a quoted cell as one line break (records 173 and 657 of the snapshot, CRLF inside and between them)', () => {
    const all = snapshotRecords();
    const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const csv = [all[0]!, all[173]!, all[657]!].map((r) => r.map((v) => cell(v.replace(/\r?\n/g, '\r\n'))).join(',')).join('\r\n') + '\r\n';
    const rows = parseStopCsv(csv, 'crlf-cells.csv');
    const lines = csv.split('\r\n');
    expect(rows.map((r) => r._line)).toEqual(rows.map((r) => lines.findIndex((l) => l.startsWith(`${r.start_date_type},${r.start_date},${r.country}`)) + 1));
    expect(rows[1]!._line).toBeGreaterThan(3);
    expect(rows[0]!.event).not.toContain('\r');
  });
  it('refuses a file without the STOP columns, naming them', () => {
    expect(() => parseStopCsv('a,b\n1,2\n', 'x.csv')).toThrow(/missing column\(s\) start_date_type, start_date, country, .*, count_year in the header/);
  });
  it('refuses a file that lacks one published column, naming it (an absent end_date would make every ended shutdown ongoing)', () => {
    const records = parse(fixture('near-duplicates.csv'), { bom: true, relax_column_count: true });
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    for (const column of ['end_date', 'area_name', 'shutdown_status']) {
      const drop = records[0]!.indexOf(column);
      const csv = records
        .map((r) =>
          r
            .filter((_, j) => j !== drop)
            .map(cell)
            .join(','),
        )
        .join('\n');
      expect(() => parseStopCsv(csv, 'trimmed.csv')).toThrow(new RegExp(`trimmed\\.csv: not a STOP CSV .*missing column\\(s\\) ${column} in the header`));
    }
  });
  it('refuses a file that repeats a column, naming it (the real sample with a second country column added)', () => {
    const records = parse(fixture('real-sample.csv'), { bom: true, relax_column_count: true });
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const csv = records.map((r, i) => [...r, i === 0 ? 'country' : 'Iran'].map(cell).join(',')).join('\n');
    expect(() => parseStopCsv(csv, 'dup.csv')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/^dup\.csv: line 1: the header repeats column "country"/) }),
    );
  });
});

describe('mapStopRow', () => {
  it('maps the Telegram block (service-based shutdown) to block/platform with Telegram as target', () => {
    const tg = real().find((r) => r.start_date === '2018-04-13')!;
    const m = mapStopRow(tg, '2026-05-20');
    if ('reject' in m) throw new Error(m.reject);
    expect(m.fields).toMatchObject({ category: 'block', subtype: 'platform', countries: ['RU'], scope: 'platform', end: null });
    expect((m.fields.targets as { name: string }[]).map((t) => t.name)).toContain('Telegram');
    expect((m.fields.sources as { publisher: string }[])[0]!.publisher).toBe('Access Now');
  });
  it('maps a regional mobile shutdown with its ISO region', () => {
    const ing = real().find((r) => r.start_date === '2018-10-04')!;
    const m = mapStopRow(ing, '2026-05-20');
    if ('reject' in m) throw new Error(m.reject);
    expect(m.fields).toMatchObject({ category: 'shutdown', subtype: 'mobile', regions: ['RU-IN'], end: '2018-10-17' });
  });
  it('maps multi-country rows to several countries', () => {
    const row = real().find((r) => r.country.includes(';'))!;
    const m = mapStopRow(row, '2026-05-20');
    if ('reject' in m) throw new Error(m.reject);
    expect((m.fields.countries as string[]).length).toBeGreaterThan(1);
  });
  it('rejects bad rows with a reason naming the field', () => {
    const rows = parseStopCsv(fixture('synthetic-bad.csv'), 'bad.csv');
    const reasons = rows.map((r) => {
      const m = mapStopRow(r, '2026-05-20');
      return 'reject' in m ? m.reject.split(':')[0] : 'ok';
    });
    expect(reasons).toEqual(['ok', 'country', 'start_date', 'end_date', 'ok']);
  });
  it('rejects a start or end date after the snapshot date, or after today when the snapshot is later; an ongoing record without end is kept (SYNTHETIC dates on the valid row of synthetic-bad.csv)', () => {
    const ok = parseStopCsv(fixture('synthetic-bad.csv'), 'bad.csv')[0]!;
    const reason = (r: Partial<StopRow>, snapshot: string, today?: string) => {
      const m = mapStopRow({ ...ok, ...r }, snapshot, undefined, today);
      return 'reject' in m ? m.reject : 'ok';
    };
    expect(reason({ start_date: '2031-01-05', end_date: '', shutdown_status: 'Ongoing' }, '2026-01-10')).toBe(
      'start_date: 2031-01-05 is after the snapshot date 2026-01-10 (a record cannot describe a later day)',
    );
    expect(reason({ start_date: '2020-04-05', end_date: '2031-01-01', shutdown_status: 'Ended' }, '2026-01-10')).toBe(
      'end_date: 2031-01-01 is after the snapshot date 2026-01-10 (a record cannot describe a later day)',
    );
    expect(reason({ start_date: '2026-03-01', end_date: '' }, '2026-05-20', '2026-01-02')).toBe(
      'start_date: 2026-03-01 is in the future (the latest date begun anywhere is 2026-01-02)',
    );
    expect(reason({ count_year: '2031' }, '2026-01-10')).toBe('count_year: 2031 is after the year of the snapshot date 2026-01-10');
    expect(reason({ start_date: '2026-01-10', end_date: '', shutdown_status: 'Ongoing', count_year: '2026' }, '2026-01-10', '2026-01-10')).toBe('ok');
  });
  it("does not trust an end its record's own duration contradicts (real records: test/fixtures/stop/contradicted-dates.csv)", () => {
    const [drc2017, drc2018] = parseStopCsv(fixture('contradicted-dates.csv'), 'contradicted-dates.csv');
    // 1 January to 30 December 2017, duration "-363": the dates are wrong, and which one is not known.
    expect(datesContradicted(drc2017!)).toBe(363);
    const m = mapStopRow(drc2017!, '2026-05-20');
    if ('reject' in m) throw new Error(m.reject);
    expect(m.fields.end).toBeNull();
    expect(m.fields.notes).toContain(
      `${STOP_END_NOT_RECORDED}: the record's own duration field (-363 days) contradicts its dates (2017-01-01 to 2017-12-30, 363 days)`,
    );
    // A record whose duration agrees with its dates keeps its end.
    expect(datesContradicted(drc2018!)).toBeNull();
    const ok = mapStopRow(drc2018!, '2026-05-20');
    if ('reject' in ok) throw new Error(ok.reject);
    expect(ok.fields.end).toBe(drc2018!.end_date);
    // SYNTHETIC: the field counts the span or the days, within two; free text and no end say nothing.
    const row = (end_date: string, duration: string) => ({ start_date: '2020-01-01', end_date, duration });
    expect(datesContradicted(row('2020-01-03', '2'))).toBeNull();
    expect(datesContradicted(row('2020-01-03', '3'))).toBeNull();
    expect(datesContradicted(row('2020-01-03', '5'))).toBeNull();
    expect(datesContradicted(row('2020-01-03', '9'))).toBe(2);
    expect(datesContradicted(row('2020-01-03', 'Curfew Style'))).toBeNull();
    expect(datesContradicted(row('', '-43859'))).toBeNull();
  });

  it('gives the yearly repeats of an ongoing event one key ("National" == "Nationwide")', () => {
    const tw = real().filter((r) => r.start_date === '2021-03-10');
    expect(tw.length).toBeGreaterThan(1);
    expect(new Set(tw.map(stopEventKey)).size).toBe(1);
  });
  it('files a cut of networks STOP did not record as shutdown/unrecorded_network, and a service-only record of unknown kind as a block', () => {
    const rows = parseStopCsv(fixture('unrecorded-networks.csv'), 'unrecorded-networks.csv');
    const mapped = rows
      .filter((r) => r.affected_network === 'Unknown')
      .map((r) => {
        const m = mapStopRow(r, '2026-05-20');
        if ('reject' in m) throw new Error(m.reject);
        return [`${r.country} ${r.start_date}`, m.fields.category, m.fields.subtype, m.fields.scope] as const;
      });
    expect(mapped).toEqual([
      ['Tajikistan 2019-04-23', 'block', 'platform', 'platform'],
      ['India 2019-04-24', 'block', 'platform', 'platform'],
      ['Gabon 2021-02-22', 'shutdown', 'unrecorded_network', 'regional'],
      ['Jordan 2022-12-16', 'shutdown', 'unrecorded_network', 'regional'],
      ['India 2025-12-26', 'shutdown', 'unrecorded_network', 'local'],
      ['India 2025-12-27', 'shutdown', 'unrecorded_network', 'local'],
    ]);
    const tj = mapStopRow(rows[0]!, '2026-05-20') as { fields: Record<string, unknown> };
    expect(tj.fields.title).toBe('Block of Facebook in National (Tajikistan)');
  });

  it("reads a platform's flag beside its live feature as the feature (real records: test/fixtures/stop/live-features.csv)", () => {
    const rows = parseStopCsv(fixture('live-features.csv'), 'live-features.csv');
    const targets = rows.map((r) => {
      const m = mapStopRow(r, '2026-05-20');
      if ('reject' in m) throw new Error(m.reject);
      return [`${r.country} ${r.start_date}`, (m.fields.targets as { name: string }[]).map((t) => t.name), m.fields.title];
    });
    expect(targets).toEqual([
      ['Jordan 2018-12-20', ['Facebook Livestream'], 'Throttling of Facebook Livestream in National (Jordan)'],
      ['Jordan 2021-03-15', ['Clubhouse', 'Facebook Live'], 'Block of Clubhouse, Facebook Live in Entire country (Jordan)'],
      ['Indonesia 2025-08-29', ['TikTok Live'], 'Block of TikTok Live in Nationwide (Indonesia)'],
    ]);
    // A separate app of the same company is not a feature: Facebook stays beside Facebook Messenger.
    expect([...liveFeatures(['Facebook Messenger', 'Olive', 'Instagram Live'])]).toEqual(['instagram']);
  });
});

describe('importStop', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress });

  it('rejects a record with more or fewer fields than the header, naming both counts and its line', async () => {
    const [header, first] = fixture('synthetic-bad.csv').split('\n');
    const long = first!.replace(/\r$/, '') + ',extra one,extra two';
    const short = 'Confirmed,2024-01-10,Russia,Regional,Moscow';
    const rows = parseStopCsv([header, long, short, first].join('\n'), 'fields.csv');
    const r = await importStop(deps(), rows, 'fields.csv', '2026-05-20');
    expect(r.rejects).toEqual([
      { record: 1, line: 2, reason: 'fields: 49 fields, the header has 47' },
      { record: 2, line: 3, reason: 'fields: 5 fields, the header has 47' },
    ]);
    expect([r.rows_read, r.rows_stored, r.rows_rejected]).toEqual([3, 1, 2]);
    expect(await store.ledger.listRejects('stop', 'fields.csv')).toHaveLength(2);
    // only the readable record is counted: the others' country and year may be other columns'
    expect(accessNowCounts(rows, '2026-05-20').flatMap((x) => x.values.map((v) => v.value))).toEqual([1]);
  });
  it("rejects a record dated after today with record and line, whatever the file's snapshot date (SYNTHETIC dates)", async () => {
    const [header, first] = fixture('synthetic-bad.csv').split('\n');
    const later = first!.replace(/\r$/, '').replace('2020-01-05', '2026-03-01');
    const rows = parseStopCsv([header, first, later].join('\n'), 'future.csv');
    const r = await importStop(deps(), rows, 'future.csv', '2026-05-20');
    expect(r.rejects).toEqual([{ record: 2, line: 3, reason: 'start_date: 2026-03-01 is in the future (the latest date begun anywhere is 2026-01-01)' }]);
    expect([r.rows_read, r.rows_stored, r.rows_rejected]).toEqual([2, 1, 1]);
  });
  it("rejects a value outside STOP's vocabulary and a count_year before the start's year, naming record, line and field; such a year is not counted (SYNTHETIC: one cell changed in each real row of real-sample.csv)", async () => {
    const rows = real();
    const changed: [keyof StopRow, string][] = [
      ['shutdown_type', 'Banana'],
      ['affected_network', 'Satellite'],
      ['shutdown_extent', 'Banana'],
      ['shutdown_type', ''],
    ];
    const bad = rows.map((r, i) => (i < changed.length ? { ...r, [changed[i]![0]]: changed[i]![1] } : r));
    const early = bad[changed.length]!;
    bad[changed.length] = { ...early, count_year: String(Number(early.start_date.slice(0, 4)) - 1) };
    const r = await importStop(deps(), bad, 'vocabulary.csv', '2026-05-20');
    const reasons = r.rejects.map((j) => [j.record, j.line, j.reason.split(':')[0]]);
    expect(reasons).toEqual([
      [1, bad[0]!._line, 'shutdown_type'],
      [2, bad[1]!._line, 'affected_network'],
      [3, bad[2]!._line, 'shutdown_extent'],
      [4, bad[3]!._line, 'shutdown_type'],
      [5, bad[4]!._line, 'count_year'],
    ]);
    expect(r.rejects[0]!.reason).toBe('shutdown_type: "Banana" is not a value STOP uses (Shutdown, Throttle, Unknown, or a list of them)');
    expect(r.rejects[4]!.reason).toBe(`count_year: ${bad[4]!.count_year} is before the year of start_date ${early.start_date}`);
    expect(r.rows_stored + r.rows_rejected).toBe(r.rows_read);
    // Access Now counts the rejected rows of its sheet, but not a year before the record began
    const years = accessNowCounts([bad[4]!], '2026-05-20').flatMap((x) => x.values.map((v) => v.period));
    expect(years).toEqual([]);
  });
  it('merges repeats, reconciles counts, keeps rejects, and re-imports idempotently', async () => {
    const rows = [...real(), ...parseStopCsv(fixture('synthetic-bad.csv'), 'bad.csv').map((r) => ({ ...r, _record: r._record + 100 }))];
    const first = await importStop(deps(), rows, 'mixed.csv', '2026-05-20');
    expect(first.rows_read).toBe(rows.length);
    expect(first.rows_stored + first.rows_rejected).toBe(first.rows_read);
    expect(first.rows_rejected).toBe(3);
    expect(first.repeats_merged).toBeGreaterThanOrEqual(4);
    expect(await store.ledger.listRejects('stop', 'mixed.csv')).toHaveLength(3);
    const second = await importStop(deps(), rows, 'mixed.csv', '2026-05-20');
    expect(second.events.created).toBe(0);
    expect(second.events.unchanged).toBe(first.events.created);
    expect(await store.ledger.countEvents({ statuses: ['active'] })).toBe(first.events.created);
  });
});

describe("each record's text", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  // Uganda's block from 2021-01-12: count_year 2021 and 2025, one event; the summary is the 2025 text.
  const rows = () => parseStopCsv(fixture('platform-steps.csv'), 'platform-steps.csv');
  const uganda = async () => (await store.ledger.linksOfKind('stop_row')).filter((l) => l.eventId.startsWith('stop-ug-2021-01-12'));

  it('is kept on its stop_row link, and read back earliest count_year first', async () => {
    await importStop(deps(), rows(), 'platform-steps.csv', '2026-05-20');
    const links = await uganda();
    expect(links).toHaveLength(2);
    const id = links[0]!.eventId;
    const texts = stopRecordTexts(await store.ledger.listLinks(id)).get(id)!;
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(
      /^Facebook and many other social media platforms were shutdown on Jan 12.*Some platforms were restored by Feb 10\. Facebook remained blocked\.$/,
    );
    expect(texts[1]).toMatch(/Other platforms were restored in 2021\./);
    // The event's displayed summary stays the latest record's text.
    expect((await store.ledger.getEvent(id))!.doc.summary).toBe(texts[1]);
  });

  it('is added by a re-import to links an earlier import stored without it, whether or not the event changed', async () => {
    const first = await importStop(deps(), rows(), 'platform-steps.csv', '2026-05-20');
    const bare = (await store.ledger.linksOfKind('stop_row')).map((l) => {
      const { text: _t, ...doc } = l.doc as Record<string, unknown>;
      return { ...l, doc };
    });
    await store.ledger.putLinks(bare);
    expect((await uganda()).map((l) => (l.doc as { text?: string }).text)).toEqual([undefined, undefined]);
    const again = await importStop(deps(), rows(), 'platform-steps.csv', '2026-05-20');
    expect(again.events.unchanged).toBe(first.events.created);
    expect((await uganda()).every((l) => typeof (l.doc as { text?: unknown }).text === 'string')).toBe(true);
  });
});

// the text helpers' checks need no store: they sit under the same title, outside the store hooks
describe("each record's text", () => {
  const link = (count_year: string, record: number, text?: string) => ({
    eventId: 'e',
    kind: 'stop_row',
    target: `${count_year}:${record}`,
    doc: { count_year, record, ...(text === undefined ? {} : { text }) },
  });

  it('orders by count_year then record, keeps each text once, and skips links without text', () => {
    const t = stopRecordTexts([link('2025', 1803, 'later'), link('2021', 816, 'earlier'), link('2022', 1004, 'later'), link('2023', 1210)]);
    expect(t.get('e')).toEqual(['earlier', 'later']);
  });

  it('by year: each count_year keeps its own text, the last record of a year winning; links without text or year add nothing', () => {
    const t = stopRecordTextsByYear([link('2022', 1004, 'b'), link('2021', 816, 'a'), link('2022', 990, 'older'), link('2023', 1210), link('x', 5, 'no year')]);
    expect([...t.get('e')!.entries()]).toEqual([
      [2022, 'b'],
      [2021, 'a'],
    ]);
  });
});

describe('near-duplicate records', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });

  it('counts once an ongoing block listed again in a later year with its services revised, keeping the later listing; another area stays apart', async () => {
    const rows = parseStopCsv(fixture('revised-repeats.csv'), 'revised-repeats.csv');
    const r = await importStop(deps(), rows, 'revised-repeats.csv', '2026-05-20');
    expect(r.rows_stored).toBe(rows.length);
    // every stored row is an event, a yearly repeat (of a folded listing too) or a folded listing
    expect(r.events.distinct + r.repeats_merged + r.duplicates_merged).toBe(r.rows_stored);
    expect(r.duplicates.reduce((n, d) => n + d.listings, 0)).toBe(r.duplicates_merged);
    // Uzbekistan and Turkmenistan: "Entire country" (2021, open) and "Nationwide" (from 2022) are one event each.
    const kept = r.duplicates.map((d) => d.kept).sort();
    expect(kept).toEqual([expect.stringMatching(/^stop-tm-2021-10-20-nationwide-/), expect.stringMatching(/^stop-uz-2021-11-03-nationwide-/)]);
    const events = (await store.ledger.listEvents({ statuses: ['active'], limit: 100 })).map((x) => x.doc as unknown as LedgerEvent);
    expect(events.filter((e) => e.countries[0] === 'UZ').map((e) => e.end)).toEqual(['2022-08-01']);
    expect(events.filter((e) => e.countries[0] === 'TM')).toHaveLength(1);
    // Ethiopia, 4 November 2020: "Western Oromia, Wellega, Kellem" (2020) and Tigray (2020-2025) are two shutdowns.
    expect(events.filter((e) => e.countries[0] === 'ET')).toHaveLength(2);
    const again = await importStop(deps(), rows, 'revised-repeats.csv', '2026-05-20');
    expect(again.events.created).toBe(0);
  });

  it('counts once a still-open listing whose later-year listing corrects its area, keeping the later listing (real records: revised-areas.csv)', async () => {
    const rows = parseStopCsv(fixture('revised-areas.csv'), 'revised-areas.csv');
    // an earlier import of the stale listings alone made an event of each: the whole file retracts them
    const before = await importStop(
      deps(),
      rows.filter((x) => x.count_year === '2019' || x.count_year === '2023'),
      'revised-areas.csv',
      '2026-05-20',
    );
    expect(before.events, JSON.stringify(before.rejects)).toMatchObject({ created: 2 });
    const r = await importStop(deps(), rows, 'revised-areas.csv', '2026-05-20');
    expect(r.events.distinct + r.repeats_merged + r.duplicates_merged).toBe(r.rows_stored);
    expect(r.duplicates.map((d) => [d.kept.replace(/-[0-9a-f]{6}$/, ''), d.records, d.duplicate_records]).sort()).toEqual([
      // records 637, 1521 and 1825 of the snapshot kept; 588 and 1286 folded (numbered 1-5 in the fixture)
      ['stop-bd-2019-09-10-cox-s-bazar-refugee-camp', [2], [1]],
      ['stop-in-2023-05-01-jammu-kashmir', [4, 5], [3]],
    ]);
    const events = (await store.ledger.listEvents({ statuses: ['active'], limit: 100 })).map((x) => x.doc as unknown as LedgerEvent);
    expect(events.map((e) => [e.countries[0], e.end]).sort()).toEqual([
      ['BD', '2020-08-28'],
      ['IN', null],
    ]);
    const again = await importStop(deps(), rows, 'revised-areas.csv', '2026-05-20');
    expect(again.events.created + again.events.updated).toBe(0);
  });
  it('keeps apart a later listing of another area that shares no source with the open one, or is listed in the same year (SYNTHETIC: sources and count_year of revised-areas.csv changed)', async () => {
    const rows = parseStopCsv(fixture('revised-areas.csv'), 'revised-areas.csv');
    const noSource = rows.map((x) => (x._record === 2 ? { ...x, info_source_link: 'https://example.org/another-report', an_link: '' } : x));
    expect((await importStop(deps(), noSource, 'a.csv', '2026-05-20')).duplicates.filter((d) => d.kept.startsWith('stop-bd'))).toEqual([]);
    const sameYear = rows.map((x) => (x._record === 2 ? { ...x, count_year: '2019' } : x));
    expect((await importStop(deps(), sameYear, 'b.csv', '2026-05-20')).duplicates.filter((d) => d.kept.startsWith('stop-bd'))).toEqual([]);
  });
  it("counts Iran's 16 November 2019 shutdown once (STOP lists it twice), citing both records; renewals stay separate", async () => {
    const rows = costSample();
    expect(findDuplicates(new Map(rows.map((r) => [stopEventKey(r) + r._record, [r]])))).toBeDefined();
    const r = await importStop(deps(), rows, 'cost-sample.csv', '2026-05-20');
    expect(r.rows_stored + r.rows_rejected).toBe(r.rows_read);
    const iran = r.duplicates.filter((d) => d.kept.startsWith('stop-ir-2019-11-16'));
    expect(iran).toHaveLength(1);
    const events = (await store.ledger.listEvents({ statuses: ['active'], limit: 10_000 })).map(
      (x) => x.doc as { id: string; start: string; end: string | null; countries: string[]; sources: unknown[]; notes: string },
    );
    const nov = events.filter((e) => e.countries[0] === 'IR' && e.start === '2019-11-16');
    expect(nov.map((e) => e.end)).toEqual(['2019-11-23']);
    expect(nov[0]!.notes).toMatch(/STOP lists this shutdown 2 times/);
    expect(JSON.stringify(nov[0]!.sources)).toMatch(/duplicate record/);
    // India's 2022 rows hold 3-day orders renewed back to back (Srinagar): none is a duplicate
    expect(r.duplicates.filter((d) => d.kept.startsWith('stop-in-'))).toEqual([]);
  });

  it('retracts an event an earlier import made of the duplicate record, and stays idempotent', async () => {
    const rows = costSample();
    // Before the rule both records became events; with the first record's end moved away they still do.
    const old = rows.map((x) => (x.country.startsWith('Iran') && x.end_date === '2019-11-23' ? { ...x, end_date: '2019-12-30' } : x));
    expect((await importStop(deps(), old, 'cost-sample.csv', '2026-05-20')).duplicates.filter((d) => d.kept.startsWith('stop-ir'))).toEqual([]);
    await importStop(deps(), rows, 'cost-sample.csv', '2026-05-20');
    const again = await importStop(deps(), rows, 'cost-sample.csv', '2026-05-20');
    expect(again.events.created + again.events.updated).toBe(0);
    const all = (await store.ledger.listEvents({ statuses: ['active', 'retracted'], limit: 10_000 })).map((x) => ({
      ...(x.doc as { start: string; countries: string[]; end: string }),
      status: x.status,
    }));
    // one event of the two the earlier import made is retracted, the other now holds the kept record (ending the 23rd)
    const nov = all.filter((e) => e.countries[0] === 'IR' && e.start === '2019-11-16');
    expect(nov.map((e) => e.status).sort()).toEqual(['active', 'retracted']);
    expect(nov.filter((e) => e.status === 'active').map((e) => e.end)).toEqual(['2019-11-23']);
  });

  it('one shutdown STOP lists with its area written two ways, or with the services it cut beside the full network, is counted once', async () => {
    // near-duplicates.csv: records 111/112 (Saharanpur, May 2017) and 436/438 (Pulwama, February 2019)
    const rows = parseStopCsv(fixture('near-duplicates.csv'), 'near-duplicates.csv');
    const r = await importStop(deps(), rows, 'near-duplicates.csv', '2026-05-20');
    expect(r.rows_stored).toBe(4);
    expect(r.duplicates_merged).toBe(2);
    const events = (await store.ledger.listEvents({ statuses: ['active'], limit: 100 })).map(
      (x) => x.doc as { start: string; end: string | null; notes: string },
    );
    expect(events.map((e) => [e.start, e.end]).sort()).toEqual([
      ['2017-05-24', '2017-06-03'],
      ['2019-02-12', null],
    ]);
    for (const e of events) expect(e.notes).toMatch(/STOP lists this shutdown 2 times/);
  });
});

// the rule's check needs no store: it sits under the same title, outside the store hooks
describe('near-duplicate records', () => {
  it('the rule: same identity and start with ends ≤ 3 days apart, or ended spans overlapping ≥ 2 days and half the shorter', () => {
    const base = costSample().find((x) => x.country.startsWith('Iran') && x.end_date === '2019-11-23')!;
    const g = (over: Partial<StopRow>, n: number): [string, StopRow[]] => [`k${n}`, [{ ...base, ...over, _record: n }]];
    const dups = (...gs: [string, StopRow[]][]) => Object.fromEntries(findDuplicates(new Map(gs)));
    expect(dups(g({}, 1), g({ end_date: '2019-11-27' }, 2))).toEqual({}); // ends 4 days apart
    expect(dups(g({}, 1), g({ end_date: '2019-11-26' }, 2))).toEqual({ k2: 'k1' });
    expect(dups(g({ start_date: '2019-11-18', end_date: '2019-11-21' }, 1), g({}, 2))).toEqual({ k1: 'k2' }); // nested: the earlier start is kept
    // the kept group is the latest listing, whichever comes first in the map (or the file)
    expect(dups(g({ count_year: '2020', end_date: '2019-11-24' }, 1), g({}, 2))).toEqual({ k2: 'k1' });
    expect(dups(g({}, 2), g({ count_year: '2020', end_date: '2019-11-24' }, 1))).toEqual({ k2: 'k1' });
    expect(dups(g({ end_date: '2019-11-18' }, 1), g({ start_date: '2019-11-18', end_date: '2019-11-20' }, 2))).toEqual({}); // a renewal
    expect(dups(g({}, 1), g({ area_name: 'Tehran' }, 2))).toEqual({});
    expect(dups(g({ end_date: '' }, 1), g({ start_date: '2019-11-20', end_date: '' }, 2))).toEqual({}); // open-ended, other start
    // "Nationwide" and "Entire country" name the same area (Nigeria's Twitter block is listed under both)
    expect(dups(g({ area_name: 'Entire country' }, 1), g({ area_name: 'Nationwide' }, 2))).toEqual({ k2: 'k1' });
    expect(dups(g({ area_name: 'National ' }, 1), g({ area_name: 'Nationwide (except Kurdistan)' }, 2))).toEqual({});
    // an area is the set of its naming words: order and designators ("district", "state") aside
    expect(dups(g({ area_name: 'Kherson, Melitopol' }, 1), g({ area_name: 'Melitopol, Kherson' }, 2))).toEqual({ k2: 'k1' });
    expect(dups(g({ area_name: 'Kherson, Melitopol' }, 1), g({ area_name: 'Kherson' }, 2))).toEqual({});
    // blocks of different services in the same window stay two restrictions
    const block = { shutdown_extent: 'Service-based', facebook_affected: 'No', twitter_affected: 'No' };
    expect(dups(g({ ...block, facebook_affected: 'Yes' }, 1), g({ ...block, twitter_affected: 'Yes' }, 2))).toEqual({});
  });
});

describe('one shutdown recorded at two scales (real records: test/fixtures/stop/contained.csv)', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  const rows = () => parseStopCsv(fixture('contained.csv'), 'contained.csv');

  it('Ethiopia 2020: "Oromia" is folded into the three Wellega zones it was reported for; separate orders stay apart', async () => {
    const r = await importStop(deps(), rows(), 'contained.csv', '2026-05-20');
    expect(r.duplicates).toEqual([
      { kept: expect.stringMatching(/^stop-et-2020-01-03-kellem-wellega/), records: [1], duplicate_records: [2], rule: 'contained', listings: 1 },
    ]);
    expect(r.rows_stored).toBe(6);
    expect(r.events.created).toBe(5);
    const et = (await store.ledger.listEvents({ statuses: ['active'], country: 'ET', limit: 10 })).map((x) => x.doc as unknown as LedgerEvent);
    expect(et).toHaveLength(1);
    expect(et[0]!.start).toBe('2020-01-03');
    expect(et[0]!.notes).toMatch(/whole of Oromia \(2020-01-08 to 2020-03-31\), citing the same source; counted once/);
    const links = await store.ledger.listLinks(et[0]!.id);
    expect(links.map((l) => (l.doc as { duplicate_of_record?: number }).duplicate_of_record)).toEqual([undefined, 1]);
    // Kashmir Valley 2 and 3 September 2021 (orders 41 and 42), Iraq nationwide and Kurdistan: two events each.
    expect(await store.ledger.countEvents({ statuses: ['active'], country: 'IN' })).toBe(2);
    expect(await store.ledger.countEvents({ statuses: ['active'], country: 'IQ' })).toBe(2);
  });

  it('retracts the event an earlier import made of the outer record, and stays idempotent', async () => {
    const oromia = rows().filter((x) => x._record !== 1);
    await importStop(deps(), oromia, 'contained.csv', '2026-05-20');
    expect(await store.ledger.countEvents({ statuses: ['active'], country: 'ET' })).toBe(1);
    await importStop(deps(), rows(), 'contained.csv', '2026-05-20');
    const et = await store.ledger.listEvents({ statuses: ['active', 'retracted'], country: 'ET', limit: 10 });
    expect(et.map((x) => [x.id.slice(0, 25), x.status]).sort()).toEqual([
      ['stop-et-2020-01-03-kellem', 'active'],
      ['stop-et-2020-01-08-oromia', 'retracted'],
    ]);
    const again = await importStop(deps(), rows(), 'contained.csv', '2026-05-20');
    expect(again.events.created + again.events.updated).toBe(0);
  });
});

describe("an order for an area inside another order's area, from the same day (real records: test/fixtures/stop/nested-same-day.csv)", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  const rows = () => parseStopCsv(fixture('nested-same-day.csv'), 'nested-same-day.csv');

  it('is folded into the outer one, counted once, and the outer event cites both records', async () => {
    const r = await importStop(deps(), rows(), 'nested-same-day.csv', '2026-05-20');
    // Gandoh tehsil inside Doda district on 10, 11 and 12 September 2025; Kulgam inside Srinagar, Kulgam, Pulwama,
    // Anantnag on 11 November 2021; Pulwama inside Pulwama, Kulgam, Anantnag, Shopian on 9 December 2020.
    expect(r.duplicates.map((d) => [d.kept.slice(0, 30), d.rule]).sort()).toEqual(
      [
        ['stop-in-2020-12-09-pulwama-kulg', 'nested'],
        ['stop-in-2021-11-11-srinagar-kul', 'nested'],
        ['stop-in-2025-09-10-doda-distric', 'nested'],
        ['stop-in-2025-09-11-doda-distric', 'nested'],
        ['stop-in-2025-09-12-doda-distric', 'nested'],
      ].map(([k, rule]) => [k!.slice(0, 30), rule]),
    );
    expect(r.rows_stored).toBe(10);
    const events = (await store.ledger.listEvents({ statuses: ['active'], country: 'IN', limit: 20 })).map((x) => x.doc as unknown as LedgerEvent);
    expect(events).toHaveLength(5);
    const doda = events.find((e) => e.start === '2025-09-10')!;
    expect(doda.notes).toMatch(
      /^(?!.*\brecord \d).*A STOP record cited beside this one \(the nested record\) records an order for Gandoh tehsil, Doda District, Jammu & Kashmir, inside this area, from the same day \(2025-09-10 to 2025-09-10\); counted once, as this area/,
    );
    expect(doda.sources.filter((x) => /nested record/.test(x.title ?? ''))).toHaveLength(1);
    // each record is cited once, the inner one as a nested record, and no note calls it the same shutdown listed twice
    for (const e of events) {
      const stop = e.sources.filter((x) => x.locator?.startsWith('count_year'));
      expect([e.id, stop.length]).toEqual([e.id, new Set(stop.map((x) => x.locator)).size]);
      expect([e.id, stop.filter((x) => /duplicate record/.test(x.title)).length]).toEqual([e.id, 0]);
      expect(e.notes ?? '').not.toMatch(/lists this shutdown/);
    }
    const again = await importStop(deps(), rows(), 'nested-same-day.csv', '2026-05-20');
    expect(again.events.created + again.events.updated).toBe(0);
  });
});

describe('a seed event written from the sources of a STOP record (real records: test/fixtures/stop/seed-sources.csv)', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  // The ledger's own files for the two shutdowns (data/ledger/events), seeded into a folder of their own.
  const SEEDS = ['ru-2025-victory-day-mobile-shutdowns', 'ru-2023-sovereign-internet-test-outage'];

  /** Seed the ledger's files into a folder of their own, each patched as given (a patch makes it synthetic), then import the two records. */
  async function linkedWith(patch: Record<string, Partial<LedgerEvent>> = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'splinternet-seed-'));
    try {
      mkdirSync(join(dir, 'events'));
      for (const id of SEEDS) {
        const doc = JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', `${id}.json`), 'utf8')) as object;
        writeFileSync(join(dir, 'events', `${id}.json`), JSON.stringify({ ...doc, ...patch[id] }));
      }
      await seedLedger(deps(), dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return importStop(deps(), parseStopCsv(fixture('seed-sources.csv'), 'seed-sources.csv'), 'seed-sources.csv', '2026-05-20');
  }

  it('is the same shutdown when both cite a page besides STOP and Access Now, though its regions name only part of the area', async () => {
    const r = await linkedWith();
    // "40 regions across the country" (the seed lists Moscow) and the sovereign-Runet test (the seed names its target, the record none).
    expect(r.linked.map((l) => l.ledger_event).sort()).toEqual([...SEEDS].sort());
    expect(r.events.created).toBe(0);
    expect(await store.ledger.countEvents({ statuses: ['active'] })).toBe(2);
    // The seed's own area text is geocoded: 40 of Russia's 83 regions, Moscow among them.
    const may = (await store.ledger.getEvent(SEEDS[0]!))!.doc as unknown as LedgerEvent;
    expect(may.regions).toEqual(['RU-MOW']);
    expect(may.places.map((p) => p.name)).toEqual(['Moscow', '39 regions not named']);
  });

  it('is not the same shutdown for a shared page alone: dates a month apart stay two events (synthetic: the seed moved)', async () => {
    const r = await linkedWith({ [SEEDS[0]!]: { start: '2025-06-05', end: '2025-06-09' } });
    expect(r.linked.map((l) => l.ledger_event)).toEqual([SEEDS[1]]);
    expect(r.events.created).toBe(1);
  });
});

describe('Access Now counts after importing part of a snapshot', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = mkdtempSync(join(tmpdir(), 'stop-part-'));
  });
  afterEach(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  // Every real STOP record of Pakistan counted in 2019 (7 records), and the first five of them
  // as a separate file: the same snapshot's records, read from a part of it.
  const whole = fixture('pakistan-2019.csv');
  const part = () => {
    const records = parse(whole, { bom: true, relax_column_count: true });
    const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
    return records
      .slice(0, 6)
      .map((r) => r.map(cell).join(','))
      .join('\n');
  };
  const pk2019 = async () => {
    const r = await listIndicators({ store }, { id: 'accessnow-shutdowns-pk' });
    return r.items[0]!.values.filter((v) => v.period === '2019').map((v) => ({ value: v.value, disputed: v.disputed }));
  };
  const load = async (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return importStopFile(deps(), join(dir, name), '2026-05-20');
  };

  it('a part imported after the whole leaves the count of the whole, once and undisputed', async () => {
    await load('pakistan-2019.csv', whole);
    expect(await pk2019()).toEqual([{ value: 7, disputed: false }]);
    await load('part.csv', part());
    expect(await pk2019()).toEqual([{ value: 7, disputed: false }]);
  });
  it('the whole imported after a part replaces the part count (the same source counted again)', async () => {
    await load('part.csv', part());
    expect(await pk2019()).toEqual([{ value: 5, disputed: false }]);
    await load('pakistan-2019.csv', whole);
    expect(await pk2019()).toEqual([{ value: 7, disputed: false }]);
  });
  it('cites a record of a part by the file it was read from', async () => {
    const r = await load('part.csv', part());
    const id = r.linked.length ? r.linked[0]!.ledger_event : (await store.ledger.linksOfKind('stop_row'))[0]!.eventId;
    const ev = (await store.ledger.getEvent(id))!.doc as unknown as LedgerEvent;
    expect(ev.sources[0]!.locator).toMatch(/^count_year 2019, record \d \(line \d+\) of part\.csv \(the 2026-05-20 snapshot\)$/);
  });
});

describe('the same records read from another file of the snapshot', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = mkdtempSync(join(tmpdir(), 'stop-same-'));
  });
  afterEach(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  const load = async (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return importStopFile(deps(), join(dir, name), '2026-05-20');
  };
  const records = () => parse(fixture('pakistan-2019.csv'), { bom: true, relax_column_count: true });
  const csv = (rows: string[][], eol = '\n') => rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join(eol) + eol;
  const revisions = async () =>
    (await store.ledger.listEvents({ statuses: ['active', 'draft', 'retracted'], limit: 1000 })).reduce((n, r) => n + r.revision, 0);
  const locators = async () =>
    (await store.ledger.listEvents({ statuses: ['active'], limit: 1000 })).map((r) => (r.doc as unknown as LedgerEvent).sources[0]!.locator);

  it('adds no revision when only the file name (or its BOM, line ends or column order) differs, and keeps the citation', async () => {
    const first = await load('a.csv', csv(records()));
    expect(first.events.created).toBeGreaterThan(0);
    const before = await revisions();
    const cited = await locators();
    expect(cited.every((l) => / of a\.csv \(the 2026-05-20 snapshot\)$/.test(l ?? ''))).toBe(true);
    const reordered = records().map((r) => [...r].reverse());
    for (const [name, text] of [
      ['copy.csv', csv(records())],
      ['bom.csv', `\uFEFF${csv(records())}`],
      ['crlf.csv', csv(records(), '\r\n')],
      ['reorder.csv', csv(reordered)],
    ] as const) {
      const again = await load(name, text);
      expect([name, again.events.updated, again.events.unchanged]).toEqual([name, 0, first.events.created]);
    }
    expect(await revisions()).toBe(before);
    expect(await locators()).toEqual(cited);
  });
  it('leaves every event unchanged when the file is saved with CRLF inside its cells too (records 417, 444, 600, 606, 607 of the snapshot: actors on two lines)', async () => {
    const all = snapshotRecords();
    const text = csv([all[0]!, ...[417, 444, 600, 606, 607].map((i) => all[i]!)], '\r\n');
    expect(text).toContain('Mobilis (Algerie Telecom)\nDjezzy');
    const first = await load('a.csv', text);
    const before = await revisions();
    const again = await load('crlf-cells.csv', `\uFEFF${text.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n')}`);
    expect([again.events.updated, again.events.unchanged]).toEqual([0, first.events.created]);
    expect(await revisions()).toBe(before);
  });
  it('adds no revision to an event citing a folded record (duplicate, contained, nested) when only the record numbers move (real records: one record of real-sample.csv put first)', async () => {
    const first = parse(fixture('real-sample.csv'), { bom: true, relax_column_count: true })[1] as string[];
    for (const name of ['near-duplicates.csv', 'contained.csv', 'nested-same-day.csv']) {
      const rows: string[][] = parse(fixture(name), { bom: true, relax_column_count: true });
      const once = await load(name, csv(rows));
      expect(once.duplicates.length).toBeGreaterThan(0);
      const before = await revisions();
      const shifted = await load(`shifted-${name}`, csv([rows[0]!, first, ...rows.slice(1)]));
      // the record put first is new to the store the first time only
      expect([name, shifted.events.updated, shifted.events.unchanged - once.events.created]).toEqual([name, 0, 1 - shifted.events.created]);
      expect(await revisions()).toBe(before + shifted.events.created);
    }
  });
  it('a record that changed is a new revision citing the file it was read from', async () => {
    await load('a.csv', csv(records()));
    const rows = records();
    const at = rows[0]!.indexOf('event');
    rows[1]![at] = `${rows[1]![at]} (revised)`;
    const again = await load('b.csv', csv(rows));
    expect(again.events.updated).toBe(1);
    expect((await locators()).filter((l) => l?.includes('of b.csv'))).toHaveLength(1);
  });
});

describe("the file's row order (real records of the shipped snapshot)", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  // Pakistan 2020-05-18 (692 rejected, 693 sharing its key and count_year), Iran 2019-11-16 (606/607), Sudan
  // 2024-02-02/06 (1551/1553), Pulwama 2019-02-12 (436/438), India 2018-06-25 (300/301), Nigeria's Twitter block
  // (879 of 2021, 1010 of 2022), Oman's block from 2021-03-14 (847 of 2021, 1007, 1213, 1502, 1806 of 2022-2025).
  const RECORDS = [300, 301, 436, 438, 606, 607, 692, 693, 847, 879, 1007, 1010, 1213, 1502, 1551, 1553, 1806];
  const picked = () => snapshot().filter((r) => RECORDS.includes(r._record));
  /** The rows as a file sorted otherwise would number them: record i+1 on line i+2. */
  const renumbered = (rows: StopRow[]) => rows.map((r, i) => ({ ...r, _record: i + 1, _line: i + 2 }));
  const active = async () =>
    (await store.ledger.listEvents({ statuses: ['active'], limit: 1000 }))
      .map((x) => x.doc as unknown as LedgerEvent)
      .map((e) => ({ id: e.id, start: e.start, end: e.end, summary: e.summary, sources: e.sources.map((x) => ({ ...x, locator: null })) }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it('gives the same events (ids, dates, fields) read in reverse, and a reversed copy changes nothing in a store', async () => {
    const inOrder = await importStop(deps(), picked(), 'a.csv', '2026-05-20');
    const events = await active();
    const reversed = await importStop(deps(), renumbered([...picked()].reverse()), 'reversed.csv', '2026-05-20');
    expect(reversed.events).toMatchObject({ created: 0, updated: 0, unchanged: inOrder.events.distinct, restored: 0 });
    expect(await active()).toEqual(events);
    await cleanup();
    ({ store, cleanup } = await tempStore());
    await importStop(deps(), renumbered([...picked()].reverse()), 'reversed.csv', '2026-05-20');
    expect(await active()).toEqual(events);
    // Oman and Nigeria keep their latest listing (2025, 2022); Iran the earlier end; Sudan the earlier start.
    const byStart = (start: string, cc: string) => events.filter((e) => e.start === start && e.id.startsWith(`stop-${cc}-`));
    expect(byStart('2021-03-14', 'om').map((e) => e.id)).toEqual([expect.stringMatching(/^stop-om-2021-03-14-nationwide-/)]);
    expect(byStart('2021-06-04', 'ng').map((e) => e.id)).toEqual([expect.stringMatching(/^stop-ng-2021-06-04-nationwide-/)]);
    expect(byStart('2019-11-16', 'ir').map((e) => e.end)).toEqual(['2019-11-23']);
    expect(events.filter((e) => e.id.startsWith('stop-sd-')).map((e) => [e.start, e.end])).toEqual([['2024-02-02', '2024-05-25']]);
    expect(byStart('2020-05-18', 'pk')).toHaveLength(1);
  });

  it("retracts, as the whole snapshot, the event an earlier import made of a record under its rejected neighbour's key", async () => {
    // Record 693 read without 692 takes their shared key itself; read beside it, the key's second slot.
    const first = await importStop(
      deps(),
      picked().filter((r) => r._record === 693),
      'part.csv',
      '2026-05-20',
    );
    const earlier = first.events.created === 1 ? (await store.ledger.listEvents({ statuses: ['active'], limit: 10 }))[0]!.id : '';
    const whole = await importStop(deps(), picked(), 'a.csv', '2026-05-20', { full: true });
    expect(whole.absent_check).toBe('done');
    expect(whole.absent_retracted.map((a) => a.event)).toEqual([earlier]);
    const pk = await store.ledger.listEvents({ statuses: ['active'], country: 'PK', limit: 10 });
    expect(pk.map((x) => x.id)).toHaveLength(1);
    expect(pk[0]!.id).not.toBe(earlier);
  });
});

describe('a part of the snapshot holding an earlier listing (real records of the shipped snapshot)', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, cleanup } = await tempStore()));
  afterEach(() => cleanup());
  const deps = () => ({ store, clock: fixedClock('2026-06-01T00:00:00Z'), progress: silentProgress });
  // Pakistan's block of 17 February 2024 and Myanmar's Phyu township shutdown of 20 December 2024: open in their
  // 2024 listings (records 1577 and 1786), ended in their 2025 ones (1832: 7 May 2025; 1848: 2 January 2025).
  const records = (...n: number[]) => snapshot().filter((r) => n.includes(r._record));
  const ends = async () =>
    (await store.ledger.listEvents({ statuses: ['active'], limit: 10 }))
      .map((x) => x.doc as unknown as LedgerEvent)
      .map((e) => [e.countries[0], e.start, e.end, e.summary])
      .sort();

  it('keeps the fields of the later listing the store holds: the end stays, no revision', async () => {
    const whole = await importStop(deps(), records(1577, 1786, 1832, 1848), 'accessnow_stop_snapshot-2026-05-20.csv', '2026-05-20');
    expect(whole.events.created).toBe(2);
    const before = await ends();
    expect(before.map((e) => e.slice(0, 3))).toEqual([
      ['MM', '2024-12-20', '2025-01-02'],
      ['PK', '2024-02-17', '2025-05-07'],
    ]);
    const part = await importStop(deps(), records(1577, 1786), 'part-2024-pk-mm.csv', '2026-05-20');
    expect(part.events).toMatchObject({ distinct: 2, created: 0, updated: 0, unchanged: 2 });
    expect(part.later_listing_kept.map((k) => [k.stored_count_year, k.file_count_year])).toEqual([
      ['2025', '2024'],
      ['2025', '2024'],
    ]);
    expect(await ends()).toEqual(before);
    const revisions = (await store.ledger.listEvents({ statuses: ['active'], limit: 10 })).map((x) => x.revision);
    expect(revisions).toEqual([1, 1]);
  });

  it("adds no event for a listing the store counts in another event's (Uzbekistan 2021, folded into its 2022 listing; Sudan's 6 February 2024 record, a duplicate)", async () => {
    // 945: "Entire country", 2021, open; 1017: "Nationwide", 2022, ended 1 August 2022. 1551/1553: Sudan's outage
    // of 2 February – 25 May 2024 and 6 February – 2 May 2024, one shutdown listed twice.
    const whole = await importStop(deps(), records(945, 1017, 1551, 1553), 'accessnow_stop_snapshot-2026-05-20.csv', '2026-05-20');
    expect(whole.duplicates_merged).toBe(2);
    const before = await ends();
    expect(before.map((e) => e.slice(0, 3))).toEqual([
      ['SD', '2024-02-02', '2024-05-25'],
      ['UZ', '2021-11-03', '2022-08-01'],
    ]);
    for (const n of [945, 1553]) {
      const part = await importStop(deps(), records(n), `part-${n}.csv`, '2026-05-20');
      expect([n, part.events.created, part.events.updated, part.later_listing_kept.length]).toEqual([n, 0, 0, 1]);
    }
    expect(await ends()).toEqual(before);
    // the whole again changes nothing, and the links still count each record once, on the kept events
    const again = await importStop(deps(), records(945, 1017, 1551, 1553), 'accessnow_stop_snapshot-2026-05-20.csv', '2026-05-20');
    expect([again.events.created, again.events.updated, again.events.unchanged]).toEqual([0, 0, 2]);
    const owners = new Set((await store.ledger.linksOfKind('stop_row')).map((l) => l.eventId));
    expect(owners.size).toBe(2);
  });
  it('leaves the event of one of two records sharing a key and count_year alone when a part holds only one (Iran 2019-11-16: 606 and 607, a duplicate; Pakistan 2020-05-18: 693 beside the rejected 692)', async () => {
    await importStop(deps(), records(606, 607, 692, 693), 'accessnow_stop_snapshot-2026-05-20.csv', '2026-05-20');
    const before = await ends();
    expect(before.map((e) => e.slice(0, 3))).toEqual([
      ['IR', '2019-11-16', '2019-11-23'],
      ['PK', '2020-05-18', '2020-05-18'],
    ]);
    for (const n of [607, 606, 693]) {
      const part = await importStop(deps(), records(n), `part-${n}.csv`, '2026-05-20');
      expect([n, part.events.created, part.events.updated, part.later_listing_kept.length]).toEqual([n, 0, 0, 1]);
    }
    expect(await ends()).toEqual(before);
    expect((await store.ledger.listEvents({ statuses: ['active'], limit: 10 })).map((x) => x.revision)).toEqual([1, 1]);
  });
  it('takes a later listing over an earlier one stored (the latest year gives the fields)', async () => {
    await importStop(deps(), records(1577), 'part-2024.csv', '2026-05-20');
    expect((await ends()).map((e) => e[2])).toEqual([null]);
    const later = await importStop(deps(), records(1832), 'part-2025.csv', '2026-05-20');
    expect([later.events.updated, later.later_listing_kept]).toEqual([1, []]);
    expect((await ends()).map((e) => e[2])).toEqual(['2025-05-07']);
  });
});

describe('derived indicators', () => {
  it('counts STOP rows per country and count_year', () => {
    const ru = accessNowCounts(real(), '2026-05-20').find((s) => s.id === 'accessnow-shutdowns-ru')!;
    expect(ru.values.find((v) => v.period === '2018')?.value).toBe(2);
  });
  it('reads Top10VPN costs and rejects non-numeric costs with the line', () => {
    const csv = 'country,iso3,year,cost_usd,duration_hours,users_affected,source\nRussia,RUS,2021,2000000,10,5,top10vpn\nRussia,RUS,2022,n/a,1,1,top10vpn\n';
    const r = top10vpnCosts(csv);
    expect(r.series[0]).toMatchObject({ id: 'top10vpn-cost-ru', values: [{ period: '2021', value: 2000000 }] });
    expect(r.rejects).toEqual([{ line: 3, reason: 'cost_usd: "n/a" is not a number' }]);
  });
  it("keeps the area of a row for part of a country (the shipped table's Pakistan 2019 row is Azad Kashmir only)", () => {
    const csv = readFileSync(packagePath('data', 'events', 'top10vpn_cost_of_shutdowns_2019-2025.csv'), 'utf8');
    const pk = top10vpnCosts(csv).series.find((s) => s.id === 'top10vpn-cost-pk')!;
    expect(pk.values.find((v) => v.period === '2019')?.note).toBe('duration 88.0 h, ? users affected; area: Azad Kashmir');
    expect(pk.values.find((v) => v.period === '2021')?.note).not.toContain('area:');
    // Without its iso3 the country is read from the name before the dash.
    const bare = top10vpnCosts('country,iso3,year,cost_usd,duration_hours,users_affected,source\nPakistan - Azad Kashmir,,2019,5600000,88.0,,top10vpn\n');
    expect(bare.series[0]).toMatchObject({ id: 'top10vpn-cost-pk', country: 'PK' });
  });
});
