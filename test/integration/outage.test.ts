/**
 * Outage signals on real data: IODA's telescope and active-probing series for IranCell
 * (AS44244) around Iran's November 2019 blackout (test/fixtures/outages, CC BY 3.0), imported
 * through the CLI, judged by the outage detector, and emitted as one draft that a rerun does
 * not duplicate. Bad records (in a SYNTHETIC file written here) are rejected with line and reason.
 */
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'outage.duckdb');
const IODA = join(import.meta.dirname, '../fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const OONI = join(import.meta.dirname, '../fixtures/outages/ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv');

const json = async (args: string[], code = 0) => {
  const r = await cli([...args, '--json', '--db', db]);
  expect(r.code, r.err + r.out).toBe(code);
  return JSON.parse(r.out) as Record<string, any>;
};

let imported: Record<string, any>;
beforeAll(async () => {
  imported = await json(['signals', 'import', '--cc', 'IR', IODA]);
}, 120_000);
afterAll(() => t.cleanup());

describe('signals import', () => {
  it('stores every record of the IODA file, missing values kept as missing', () => {
    expect(imported.records_read).toBe(3996);
    expect(imported.stored).toBe(3996);
    expect(imported.rejected).toBe(0);
    expect(imported.files[0].missing).toBe(127);
    expect(imported.files[0].format).toBe('csv-ioda');
  });

  it('is idempotent: a second import of the same file adds nothing', async () => {
    const again = await json(['signals', 'import', '--cc', 'IR', IODA]);
    expect(again.files[0].status).toBe('unchanged');
    const text = await cli(['signals', 'import', '--cc', 'IR', IODA, '--db', db]);
    expect(text.out).toContain('1 file(s) unchanged since their import: their counts are from then, nothing was stored again');
    const list = await json(['signals', 'list', '--asn', 'AS44244']);
    expect(list.items.map((s: any) => [s.source, s.points, s.missing])).toEqual([
      ['active_probing', 1332, 0],
      ['darknet', 2664, 127],
    ]);
  });

  it('imports OONI daily counts with --source; AS0 rows are rejected with their line', async () => {
    const r = await json(['signals', 'import', '--source', 'ooni_measurements', '--cc', 'IR', OONI], 3);
    expect(r.records_read).toBe(102);
    expect(r.stored + r.rejected).toBe(102);
    expect(r.rejects.map((x: any) => x.line)).toEqual([2, 36, 52, 63, 90]);
    expect(r.rejects[0].reason).toMatch(/AS0 is not a network/);
  });

  it('rejects bad records by rule with line and reason (SYNTHETIC file), never crashing', async () => {
    const bad = join(t.dir, 'bad-signals.csv');
    writeFileSync(
      bad,
      [
        'datasource,value,entity_type,entity_code,timestamp',
        'bgp,10,asn,AS1,2020-01-01T00:00:00Z',
        'bgp,11,asn,AS1,2020-01-01T00:05:00Z',
        'bgp,11,asn,AS1,2020-01-01T00:05:00Z', // duplicate
        'bgp,12,asn,AS1,2020-01-01T00:05:00Z', // conflicting duplicate
        'bgp,-3,asn,AS1,2020-01-01T00:10:00Z', // negative
        'bgp,abc,asn,AS1,2020-01-01T00:15:00Z', // not a number
        'bgp,4,asn,AS1,2999-01-01T00:00:00Z', // future
        'bgp,4,planet,X,2020-01-01T00:20:00Z', // bad entity type
        'bgp,,asn,AS1,2020-01-01T00:25:00Z', // missing value: kept
        'bgp,9,asn,AS1,2019-12-31T23:55:00Z', // out of order: kept
        'bgp,9,asn,AS1',
      ].join('\n'),
    );
    const r = await json(['signals', 'import', bad], 3);
    expect(r.records_read).toBe(11);
    expect(r.stored).toBe(4);
    expect(r.files[0].missing).toBe(1);
    expect(r.files[0].out_of_order).toBe(1);
    const reasons = Object.fromEntries(r.rejects.map((x: any) => [x.line, x.reason]));
    expect(reasons[4]).toMatch(/duplicate of line 3/);
    expect(reasons[5]).toMatch(/conflicts with line 3/);
    expect(reasons[6]).toMatch(/negative/);
    expect(reasons[7]).toMatch(/not a number/);
    expect(reasons[8]).toMatch(/future/);
    expect(reasons[9]).toMatch(/entity_type "planet"/);
    expect(reasons[12]).toMatch(/4 fields, expected 5/);
    const stored = await json(['signals', 'rejects', '--file', bad]);
    expect(stored.total).toBe(7);
    // The same file named relative to the current folder, as import takes it.
    expect((await json(['signals', 'rejects', '--file', relative(process.cwd(), bad)])).total).toBe(7);
  });
});

describe('values and ASNs beyond what is stored (SYNTHETIC rows after real IODA rows)', () => {
  const rows = () => [
    ...readFileSync(IODA, 'utf8').split(/\r?\n/).slice(0, 5),
    'darknet,99999999999999999999999,44244,IranCell,2019-11-14 10:05:00+00:00',
    'darknet,7,4294967296,Big,2019-11-14 10:05:00+00:00',
  ];
  const expectRejects = (rejects: { line: number; reason: string }[]) =>
    expect(rejects.map((x) => [x.line, x.reason])).toEqual([
      [6, expect.stringMatching(/value "99999999999999999999999" is beyond the largest value stored exactly/)],
      [7, expect.stringMatching(/asn "4294967296" is beyond the largest AS number/)],
    ]);

  it('signals import rejects each with its line and stores the good rows (exit 3)', async () => {
    const file = join(t.dir, 'big-value.csv');
    writeFileSync(file, rows().join('\n') + '\n');
    const r = await cli(['signals', 'import', '--cc', 'IR', file, '--json', '--db', join(t.dir, 'big.duckdb')]);
    expect(r.code, r.err).toBe(3);
    const rep = JSON.parse(r.out);
    expect(rep).toMatchObject({ records_read: 7, stored: 5, rejected: 2 });
    expectRejects(rep.rejects);
  });

  it('watch --once --signals-dir stores the good rows and names the rejects (exit 3)', async () => {
    const inbox = join(t.dir, 'inbox-big');
    mkdirSync(inbox);
    const file = join(inbox, 'big-value.csv');
    writeFileSync(file, ['datasource,value,asn,as_name,timestamp,cc', ...rows().map((l) => `${l},IR`)].join('\n') + '\n');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    const other = join(t.dir, 'big-watch.duckdb');
    const r = await cli(['watch', '--once', '--signals-dir', inbox, '--json', '--db', other]);
    expect(r.code, r.err).toBe(3);
    expect(JSON.parse(r.out).cycle).toMatchObject({ inputs_new: 1, inputs_failed: 0, rejected: 2 });
    const stored = await cli(['signals', 'rejects', '--file', file, '--json', '--db', other]);
    const rej = JSON.parse(stored.out);
    expect(rej.total).toBe(2);
    expect(rej.items.map((x: { line: number }) => x.line)).toEqual([7, 8]);
    const list = await cli(['signals', 'list', '--asn', 'AS44244', '--json', '--db', other]);
    expect(JSON.parse(list.out).items.map((x: { points: number }) => x.points)).toEqual([5]);
  });
});

describe('detect --kind outage on the November 2019 blackout', () => {
  let det: Record<string, any>;
  beforeAll(async () => {
    det = await json(['detect', '--kind', 'outage', '--asn', 'AS44244']);
  });

  it('reports one outage with onset within an hour of 14:00 UTC on 16 November, both signals down', () => {
    expect(det.items).toHaveLength(1);
    const d = det.items[0];
    expect(d.kind).toBe('outage');
    expect(d.probe_cc).toBe('IR');
    expect(Math.abs(Date.parse(d.start) - Date.parse('2019-11-16T14:00:00Z'))).toBeLessThanOrEqual(3_600_000);
    expect(d.strength.signals.split(',').sort()).toEqual(['active_probing', 'darknet']);
    expect(d.strength.corroborated_by).toBe('signals');
    expect(d.strength.onset_uncertainty_min).toBe(5);
  });

  it('states the partial active-probing level during the blackout (never zero for long)', () => {
    const ap = det.items[0].per_network.find((s: any) => s.source === 'active_probing');
    expect(ap.level_during_outage.median_value).toBeGreaterThan(0);
    expect(ap.level_during_outage.ratio_to_24h_before).toBeGreaterThan(0.4);
    expect(ap.level_during_outage.ratio_to_24h_before).toBeLessThan(0.8);
    expect(det.items[0].summary).toMatch(/active_probing at 5 \(\d+% of the 24 h before\)/);
  });

  it('lists the samples and thresholds behind the onset', () => {
    const dn = det.items[0].per_network.find((s: any) => s.source === 'darknet');
    const samples = dn.episodes[0].samples;
    expect(samples.some((s: any) => s.low && s.t === det.items[0].start)).toBe(true);
    expect(samples.some((s: any) => !s.low && s.baseline > 0)).toBe(true);
    expect(det.items[0].strength.drop_ratio_threshold).toBe(0.5);
  });

  it('judges each signal with its own thresholds when told (params.outage.bySource), and says which', async () => {
    const p = (o: unknown) => ['--params', JSON.stringify({ outage: o })];
    const own = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', ...p({ bySource: { active_probing: { dropRatio: 0.3 } } })]);
    expect(own.items).toHaveLength(1);
    const th = Object.fromEntries(own.items[0].per_network.map((s: any) => [s.source, s.thresholds]));
    expect(th).toMatchObject({ active_probing: { drop_ratio: 0.3, poisson_alpha: 0.01 }, darknet: { drop_ratio: 0.5, poisson_alpha: 0.01 } });
    expect(own.items[0].strength.drop_ratio_threshold).toMatch(/^(active_probing 0\.3, darknet 0\.5|darknet 0\.5, active_probing 0\.3)$/);
    // Active probing falls to 0 of ~8 blocks: P(X <= 0 | 8) = e^-8 = 3.4e-4. A limit of 1e-9 makes
    // that improbable-enough test fail, so only the telescope drops and nothing corroborates it.
    const strict = { bySource: { active_probing: { poissonAlpha: 1e-9 } } };
    const none = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', ...p(strict)]);
    expect(none.items).toEqual([]);
    expect(none.series.find((s: any) => s.target === 'darknet').figures.uncorroborated_episodes).toBe(1);
    expect(none.series.find((s: any) => s.target === 'active_probing').figures).toMatchObject({ episodes: 0, poisson_alpha: 1e-9 });
    const alone = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', ...p({ ...strict, corroborate: false })]);
    expect(alone.items.map((d: any) => d.strength.signals)).toEqual(['darknet']);
  });

  it('refuses a bad per-signal threshold naming the field', async () => {
    for (const [bad, field] of [
      [{ bySource: { darknet: { dropRatio: 2 } } }, 'params.outage.bySource.darknet.dropRatio'],
      [{ bySource: { darknet: { ratio: 0.2 } } }, 'params.outage.bySource.darknet.ratio'],
      [{ bySource: { darknet: 0.2 } }, 'params.outage.bySource.darknet'],
      [{ bySource: null }, 'params.outage.bySource'],
    ] as const) {
      const r = await cli(['detect', '--kind', 'outage', '--asn', 'AS44244', '--params', JSON.stringify({ outage: bad }), '--db', db]);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toContain(`${field}:`);
    }
  });

  it('finds no outage in the two days before the cut', async () => {
    const before = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', '--until', '2019-11-16T13:59:59Z']);
    expect(before.items).toEqual([]);
    expect(before.series.every((s: any) => s.changes.length === 0)).toBe(true);
  });

  it('a window that opens inside the blackout reports the same outage (same onset, same draft id), judged against the days before it', async () => {
    for (const since of ['2019-11-16T15:00:00Z', '2019-11-18T00:00:00Z', '2019-11-21T00:00:00Z']) {
      const w = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', '--since', since]);
      expect(
        w.items.map((d: any) => [d.id, d.start]),
        since,
      ).toEqual([[det.items[0].id, det.items[0].start]]);
      // corroborated by active probing, whose own episode ended on the 16th, before these windows
      expect(w.items[0].strength.signals.split(',').sort(), since).toEqual(['active_probing', 'darknet']);
      const dn = w.series.find((s: any) => s.target === 'darknet');
      expect(dn.state, since).toBe('down');
      // the history read is the series' whole stored past (its first point), not a fixed number of days before the window
      expect(dn.figures.history_from, since).toBe('2019-11-14T08:10:00.000Z');
    }
    // active probing's episode (16 Nov 15:00-18:00) is not a change of a window that opens after it
    const late = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', '--since', '2019-11-18T00:00:00Z']);
    expect(late.series.find((s: any) => s.target === 'active_probing').changes).toEqual([]);
  });

  it('--emit creates one draft linked to its evidence; a rerun creates none', async () => {
    const a = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', '--emit']);
    expect(a.emitted.created).toBe(1);
    const b = await json(['detect', '--kind', 'outage', '--asn', 'AS44244', '--emit']);
    expect(b.emitted.created).toBe(0);
    expect(b.items[0].draft.status).toBe('draft');
    const text = await cli(['detect', '--kind', 'outage', '--asn', 'AS44244', '--emit', '--db', db]);
    expect(text.out).toMatch(/\ndrafts: 0 created, 1 already in the ledger \(1 draft\)\n$/);
    const ev = await json(['events', 'show', a.items[0].id]);
    expect(JSON.stringify(ev)).toMatch(/shutdown/);
  });

  it('the watch takes the same per-signal thresholds (--params), and refuses bad ones before its first cycle', async () => {
    const plain = await json(['watch', '--once']);
    expect(plain.cycle).toMatchObject({ detections: 1, drafts_created: 0, errors: [] });
    const strict = await json(['watch', '--once', '--params', JSON.stringify({ outage: { bySource: { active_probing: { poissonAlpha: 1e-9 } } } })]);
    expect(strict.cycle).toMatchObject({ detections: 0, errors: [] });
    const bad = await cli(['watch', '--once', '--params', '{"outage":{"bySource":{"darknet":{"dropRatio":5}}}}', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('params.outage.bySource.darknet.dropRatio: must be a number from 0.01 to 0.99, got 5');
  });

  it('IODA file without a country, as published, in a watched folder: the outage is found, and the draft it cannot be is an error naming why (exit 3), never a silent zero', async () => {
    const inbox = join(t.dir, 'inbox');
    mkdirSync(inbox);
    copyFileSync(IODA, join(inbox, 'ioda.csv'));
    const past = new Date(Date.now() - 60_000); // written a minute ago: settled
    utimesSync(join(inbox, 'ioda.csv'), past, past);
    const other = join(t.dir, 'no-country.duckdb');
    const r = await cli(['watch', '--once', '--signals-dir', inbox, '--json', '--db', other]);
    expect(r.code, r.err).toBe(3);
    const { cycle } = JSON.parse(r.out) as { cycle: { detections: number; drafts_created: number; errors: string[] } };
    expect(cycle).toMatchObject({ detections: 1, drafts_created: 0 });
    expect(cycle.errors).toEqual([
      expect.stringMatching(/^draft det-outage-zz-as44244-\S+ not created: the country of AS44244 is unknown \(ZZ\).*a cc column/),
    ]);
    const text = await cli(['detect', '--kind', 'outage', '--asn', 'AS44244', '--emit', '--db', other]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/drafts: 0 created.*\n {2}not created: det-outage-zz-as44244-\S+: the country of AS44244 is unknown/);
  });

  it('the same file in a folder watched with --cc: its series are outside the filter, and the cycle says so (exit 3), never a silent zero', async () => {
    const inbox = join(t.dir, 'inbox-cc');
    mkdirSync(inbox);
    copyFileSync(IODA, join(inbox, 'ioda.csv'));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(inbox, 'ioda.csv'), past, past);
    const r = await cli(['watch', '--once', '--signals-dir', inbox, '--cc', 'IR', '--json', '--db', join(t.dir, 'no-country-cc.duckdb')]);
    expect(r.code, r.err).toBe(3);
    const { cycle } = JSON.parse(r.out) as { cycle: { detections: number; points_stored: number; errors: string[] } };
    expect(cycle).toMatchObject({ detections: 0, points_stored: 3996 });
    expect(cycle.errors).toEqual([
      expect.stringMatching(
        /ioda\.csv: 2 series without a country \(active_probing AS44244, darknet AS44244\) are outside --cc IR and never judged: give the file a cc column/,
      ),
    ]);
  });

  it('a watched folder with malformed files beside a good one: the good one is judged and drafted, each bad one is named in the cycle errors with its reason and line (exit 3); a second cycle repeats nothing', async () => {
    const inbox = join(t.dir, 'inbox-mixed');
    mkdirSync(inbox);
    // the real IODA series with a header and a cc column; the other three files are SYNTHETIC
    const rows = readFileSync(IODA, 'utf8').split(/\r?\n/).filter(Boolean);
    writeFileSync(join(inbox, 'a-ioda.csv'), ['datasource,value,asn,as_name,timestamp,cc', ...rows.map((l) => `${l},IR`)].join('\n'));
    writeFileSync(join(inbox, 'b-latin1.csv'), Buffer.from('datasource,value,asn,timestamp\nbgp,1,AS1,2019-11-16 \xe9\n', 'latin1'));
    writeFileSync(join(inbox, 'c-empty.csv'), '');
    writeFileSync(join(inbox, 'd-two-columns.csv'), 'hello,world\n1,2\n');
    const past = new Date(Date.now() - 60_000);
    for (const f of ['a-ioda.csv', 'b-latin1.csv', 'c-empty.csv', 'd-two-columns.csv']) utimesSync(join(inbox, f), past, past);
    const other = join(t.dir, 'mixed.duckdb');
    const r = await cli(['watch', '--once', '--signals-dir', inbox, '--json', '--db', other]);
    expect(r.code, r.err).toBe(3);
    const { cycle } = JSON.parse(r.out) as {
      cycle: { inputs_new: number; inputs_failed: number; detections: number; drafts_created: number; rejected: number; errors: string[] };
    };
    expect(cycle).toMatchObject({ inputs_new: 4, inputs_failed: 2, detections: 1, drafts_created: 1, rejected: 2 });
    expect(cycle.errors).toEqual([
      expect.stringMatching(/b-latin1\.csv: cannot read: .*line 2/),
      expect.stringMatching(/c-empty\.csv: empty file/),
      expect.stringMatching(
        /d-two-columns\.csv: 2 record\(s\) rejected \(first line 1: 2 fields, expected 5 .*\); all: splinternet signals rejects --file .*d-two-columns\.csv$/,
      ),
    ]);
    const again = await cli(['watch', '--once', '--signals-dir', inbox, '--json', '--db', other]);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out).cycle).toMatchObject({ inputs_new: 0, drafts_created: 0, errors: [] });
  });

  it("OONI's count export dropped into a watched folder: its silent days become zeros as the watch's own counts do, and the three networks cut off are drafted", async () => {
    const inbox = join(t.dir, 'inbox-ooni');
    mkdirSync(inbox);
    // the real export with a source and a country column added to each row
    const [, ...rows] = readFileSync(OONI, 'utf8').trim().split(/\r?\n/);
    writeFileSync(join(inbox, 'ooni-iran.csv'), ['source,count,test_day,probe_asn,cc', ...rows.map((l) => `ooni_measurements,${l},IR`)].join('\n'));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(inbox, 'ooni-iran.csv'), past, past);
    const r = await cli(['watch', '--once', '--signals-dir', inbox, '--json', '--db', join(t.dir, 'ooni-watch.duckdb')]);
    expect(r.code, r.err).toBe(3); // OONI's AS0 rows are rejects, and the cycle says so
    const { cycle } = JSON.parse(r.out) as { cycle: { detections: number; drafts_created: number; points_stored: number; rejected: number; errors: string[] } };
    expect(cycle).toMatchObject({ detections: 3, drafts_created: 3, points_stored: 277, rejected: 5 });
    expect(cycle.errors).toEqual([expect.stringMatching(/ooni-iran\.csv: 5 record\(s\) rejected \(first line 2: AS0 is not a network/)]);
  });
});
