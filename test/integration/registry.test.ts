// Registry end to end: import the shipped files through the CLI, then the acceptance
// commands (asns --top 10, lookup 149.154.167.99), idempotency, rejects, parts, API, indicators.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { createApp } from '../../src/server/app.js';
import { clock, cli, sampleEvent, tempDir } from '../helpers/index.js';

const data = (f: string) => packagePath('data', 'registry', f);
const SHIPPED = [
  'zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz',
  'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz',
  'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv',
  'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv',
].map(data);

const json = <T = any>(r: { out: string }) => JSON.parse(r.out) as T;

describe('registry import and analysis of the shipped files', () => {
  const t = tempDir();
  const db = join(t.dir, 'reg.duckdb');
  let first: any;

  beforeAll(async () => {
    writeFileSync(
      join(t.dir, 'ev.json'),
      JSON.stringify(sampleEvent({ id: 'ru-2018-telegram-block', start: '2018-04-16', title: 'Telegram blocked (test copy)' })),
    );
    expect((await cli(['events', 'add', '--file', join(t.dir, 'ev.json'), '--db', db])).code).toBe(0);
    // the shipped event whose figure is one decision's share of the register
    expect((await cli(['events', 'add', '--file', packagePath('data', 'ledger', 'events', 'ru-2018-cloud-ip-range-blocking.json'), '--db', db])).code).toBe(0);
    const r = await cli(['registry', 'import', ...SHIPPED, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    first = json(r);
  });
  afterAll(() => t.cleanup());

  it('stores every record and the counts reconcile', () => {
    expect(first.reconciled).toBe(true);
    expect(first.rejected).toBe(0);
    const byFile = Object.fromEntries(first.files.map((f: { file: string; stored: number; lines: number }) => [f.file, [f.lines, f.stored]]));
    expect(byFile['zapret-info_dump_2016-06-13_first20000lines.cp1251.csv']).toEqual([20_000, 19_999]);
    expect(byFile['zapret-info_dump-08_2020-02-16_part.cp1251.csv']).toEqual([5_362, 5_362]);
    expect(byFile['zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv']).toEqual([75, 74]);
    expect(byFile['zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv']).toEqual([1_001, 1_000]);
    const quirks = first.files.find((f: { file: string }) => f.file.startsWith('zapret-info_dump-08'));
    expect(quirks).toMatchObject({ stray_semicolon_rows: 4, quoted_url_rows: 4 });
    expect(quirks.ipv6_tokens).toBeGreaterThan(0);
  });

  it('keeps provenance and the lower-bound flag per snapshot', () => {
    const s = Object.fromEntries(first.snapshots.map((x: { id: string }) => [x.id, x]));
    expect(s['2018-05-05T13:25:00Z']).toMatchObject({ kind: 'cidr_derived', complete: false, lower_bound: true, entries: 74, ipv4_distinct: 14_658_304 });
    expect(s['2016-06-13T12:04:00Z']).toMatchObject({ kind: 'dump', lower_bound: true, entries: 19_999 });
    expect(s['2020-02-16']).toMatchObject({ kind: 'dump', lower_bound: true, entries: 5_362 });
  });

  it('summary of the 2018 snapshot: golden figures, target vs collateral', async () => {
    const s = json(await cli(['registry', 'summary', '--snapshot', '2018-05-05', '--json', '--db', db]));
    expect(s.ipv4).toMatchObject({ distinct_addresses: 14_658_304, listed_addresses: 15_706_880 });
    const dec = Object.fromEntries(s.top_decisions.map((d: { decision_number: string; ipv4_distinct: number }) => [d.decision_number, d.ipv4_distinct]));
    expect(dec['2-1779/2018']).toBe(9_472);
    expect(dec['27-31-2015/Ид4082-15']).toBe(13_705_216);
    const tg = s.collateral.named_services[0];
    expect(tg).toMatchObject({ service: 'Telegram', decision_addresses: 9_472, asn_org_mismatches: [] });
    expect(tg.target).toBeLessThan(10_000);
    expect(s.collateral.target + s.collateral.collateral).toBe(14_658_304);
    expect(s.snapshot.files[0].provenance.commit).toBe('3a245322cf0531aa037e1ab071c0cf6fe7e8e9eb');
    expect(s.as_data.note).toMatch(/today's routing/);
  });

  it('the text summary says how it counted and which file and commit the figures come from, as the JSON does', async () => {
    const r = await cli(['registry', 'summary', '--snapshot', '2018-05-05', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^method: IPv4: every listed address and CIDR parsed/m);
    expect(r.out).toMatch(/^source: .*2018-05-05.* from https:\/\/github\.com\/gsnw\/z-i .*commit 3a245322cf0531aa037e1ab071c0cf6fe7e8e9eb/m);
  });

  it('asns --top 10 names the organisations holding the 2018 space, with counts', async () => {
    const r = await cli(['registry', 'asns', '--top', '10', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const a = json(r);
    expect(a.snapshot.id).toBe('2018-05-05T13:25:00Z');
    expect(a.organisations).toHaveLength(10);
    const orgs = a.organisations.map((o: { org: string }) => o.org);
    expect(orgs.slice(0, 3)).toEqual(['Amazon.com, Inc.', 'Google LLC', 'DigitalOcean, LLC']);
    expect(orgs).toContain('Telegram Messenger Inc');
    for (const o of a.organisations) {
      expect(o.blocked).toBeGreaterThan(0);
      expect(o.share_of_announced).toBeGreaterThan(0);
      expect(o.share_of_announced).toBeLessThanOrEqual(1);
    }
    expect(a.totals.attributed + a.totals.not_announced_today).toBe(14_658_304);
  });

  it('lookup 149.154.167.99: listed, under 2-1779/2018, since 2018-04-13', async () => {
    const r = await cli(['registry', 'lookup', '149.154.167.99', '--json', '--db', db]);
    const l = json(r);
    expect(l.listed).toBe(true);
    expect(l.decisions.map((d: { decision_number: string }) => d.decision_number)).toEqual(['2-1779/2018']);
    expect(l.since).toMatchObject({ decision_date: '2018-04-13', first_snapshot: '2018-05-05T13:25:00Z' });
    expect(l.as).toMatchObject({ asn: 62041 });
    const human = await cli(['registry', 'lookup', '149.154.167.99', '--db', db]);
    expect(human.out).toMatch(/LISTED since 2018-04-13/);
    expect(json(await cli(['registry', 'lookup', '8.8.8.8', '--json', '--db', db])).listed).toBe(false);
    expect(json(await cli(['registry', 'lookup', 'www.posttoday.pro', '--json', '--db', db])).decisions.length).toBeGreaterThan(0);
    expect((await cli(['registry', 'lookup', '1.2.3.0/24', '--db', db])).code).toBe(2);
  });

  it('decision NUMBER and the IPv6 count of the 2020 part', async () => {
    const d = json(await cli(['registry', 'decision', '27-31-2015/Ид4082-15', '--json', '--db', db]));
    const bySnap = Object.fromEntries(
      d.snapshots.map((x: { snapshot: string; ipv4: { distinct_addresses: number } }) => [x.snapshot, x.ipv4.distinct_addresses]),
    );
    expect(bySnap['2018-05-05T13:25:00Z']).toBe(13_705_216);
    expect(d.first_snapshot).toBe('2016-06-13T12:04:00Z'); // the same decision already listed single addresses in 2016
    const s = json(await cli(['registry', 'summary', '--snapshot', '2020-02-16', '--json', '--db', db]));
    expect(s.ipv6.tokens).toBeGreaterThan(0);
    expect(BigInt(s.ipv6.distinct_addresses)).toBeGreaterThan(0n);
    expect((await cli(['registry', 'decision', 'no-such', '--db', db])).code).toBe(1);
    expect((await cli(['registry', 'summary', '--snapshot', '2019-01-01', '--db', db])).code).toBe(2);
  });

  it('is idempotent per dump timestamp (skip unchanged; --force replaces, never doubles)', async () => {
    const again = json(await cli(['registry', 'import', ...SHIPPED.slice(0, 3), '--json', '--db', db]));
    expect(again.files.map((f: { status: string }) => f.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    const raw = join(t.dir, 'zapret-info_dump-08_2020-02-16_part.cp1251.csv');
    writeFileSync(raw, (await import('node:zlib')).gunzipSync(readFileSync(SHIPPED[0]!)));
    const forced = json(await cli(['registry', 'import', raw, '--force', '--json', '--db', db]));
    expect(forced.files[0]).toMatchObject({ status: 'imported', stored: 5_362 });
    expect(forced.snapshots[0]).toMatchObject({ id: '2020-02-16', entries: 5_362 });
  });

  it('knows a file by its content: the same part under another name is unchanged, and with --force refused naming the file it repeats', async () => {
    const copy = join(t.dir, 'dump-08-copy.csv');
    writeFileSync(copy, (await import('node:zlib')).gunzipSync(readFileSync(SHIPPED[0]!)));
    const again = await cli(['registry', 'import', copy, '--dump-time', '2020-02-16', '--json', '--db', db]);
    expect(again.code, again.err).toBe(0);
    expect(json(again).files[0]).toMatchObject({ status: 'unchanged', stored: 5_362 });
    const forced = await cli(['registry', 'import', copy, '--dump-time', '2020-02-16', '--force', '--json', '--db', db]);
    expect(forced.code).toBe(2);
    expect(forced.err).toMatch(/dump-08-copy\.csv: the same content as zapret-info_dump-08_2020-02-16_part\.cp1251\.csv, already in snapshot 2020-02-16/);
    const s = json(await cli(['registry', 'summary', '--snapshot', '2020-02-16', '--json', '--db', db]));
    expect(s.entries.total).toBe(5_362);
    // Refused before any write: the part named first, which --force alone could re-import, is left as it was.
    const part = join(t.dir, 'zapret-info_dump-08_2020-02-16_part.cp1251.csv');
    const both = await cli(['registry', 'import', part, copy, '--dump-time', '2020-02-16', '--force', '--json', '--db', db]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/dump-08-copy\.csv: the same content as zapret-info_dump-08_2020-02-16_part\.cp1251\.csv/);
    expect(json(await cli(['registry', 'summary', '--snapshot', '2020-02-16', '--json', '--db', db]))).toEqual(s);
  });

  it('refuses a dump time or an "Updated:" header the calendar does not have (exit 2), never rolling it over', async () => {
    const part = join(t.dir, 'feb30.csv');
    writeFileSync(part, Buffer.from('Updated: 2021-02-30 10:00:00 +0000\n', 'latin1'));
    const hdr = await cli(['registry', 'import', part, '--db', db]);
    expect(hdr.code).toBe(2);
    expect(hdr.err).toMatch(/feb30\.csv: line 1: the "Updated:" header names 2021-02-30 10:00:00, a time the calendar does not have/);
    const opt = await cli(['registry', 'import', join(t.dir, 'dump-08-copy.csv'), '--dump-time', '2020-02-30', '--db', db]);
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/--dump-time "2020-02-30" is not a date/);
  });

  it('publishes indicators and links the Telegram event and the cloud-range event to the 2018 snapshot', async () => {
    expect(first.links).toEqual([
      { event: 'ru-2018-telegram-block', snapshot: '2018-05-05T13:25:00Z', linked: true, reason: null },
      { event: 'ru-2018-cloud-ip-range-blocking', snapshot: '2018-05-05T13:25:00Z', linked: true, reason: null },
      // the event is ongoing: the 2020 part still lists the decision; the 2016 dump (before the event began) is no evidence of it
      { event: 'ru-2018-cloud-ip-range-blocking', snapshot: '2020-02-16', linked: true, reason: null },
    ]);
    const store = await openStore(db);
    try {
      // the cloud-range event's "about 13.71 million distinct addresses" is the decision's union in that snapshot
      const cloud = await store.ledger.listLinks('ru-2018-cloud-ip-range-blocking');
      expect(cloud.filter((l) => l.kind === 'registry_snapshot' && l.target.startsWith('2018'))).toEqual([
        expect.objectContaining({
          target: '2018-05-05T13:25:00Z',
          doc: expect.objectContaining({ decision_number: '27-31-2015/Ид4082-15', ipv4_distinct: 13_705_216, ipv4_listed: 14_753_792, entries: 34 }),
        }),
      ]);
      const summary = (await store.ledger.getEvent('ru-2018-cloud-ip-range-blocking'))!.doc.summary;
      expect(summary).toContain('34 CIDR ranges covering about 13.71 million distinct addresses under Prosecutor-General decision 27-31-2015/Ид4082-15');
      const links = await store.ledger.listLinks('ru-2018-telegram-block');
      expect(links[0]).toMatchObject({ kind: 'registry_snapshot', target: '2018-05-05T13:25:00Z' });
      expect(links[0]!.doc).toMatchObject({ decision_addresses: 9_472, ipv4_distinct_all: 14_658_304 });
      const app = createApp({ store, clock, dbPath: db });
      const ind = (await (await app.request('/api/indicators?country=RU')).json()) as { items: { id: string; values: { period: string; value: number }[] }[] };
      const records = ind.items.find((s) => s.id === 'ru-registry-records')!;
      expect(records.values.find((v) => v.period === '2016-06-13')?.value).toBe(30_663);
      expect(records.values.find((v) => v.period === '2018-05-05')).toBeUndefined(); // truncated rows are not totals
      expect(ind.items.find((s) => s.id === 'ru-registry-blocked-ipv4')!.values.map((v) => v.value)).toContain(14_658_304);
      expect(ind.items.map((s) => s.id)).toContain('ru-registry-records-prosecutor-general');
      const sum = await app.request('/api/registry/summary?snapshot=2018-05-05');
      expect(((await sum.json()) as { ipv4: { distinct_addresses: number } }).ipv4.distinct_addresses).toBe(14_658_304);
      const asns = (await (await app.request('/api/registry/asns?top=3')).json()) as { organisations: { org: string }[] };
      expect(asns.organisations[0]!.org).toBe('Amazon.com, Inc.');
      expect((await app.request('/api/registry/decisions/2-1779%2F2018')).status).toBe(200);
      expect((await app.request('/api/registry/decisions/2-1779/2018')).status).toBe(200);
      const look = (await (await app.request('/api/registry/lookup?q=149.154.167.99')).json()) as { listed: boolean };
      expect(look.listed).toBe(true);
      expect((await app.request('/api/registry/lookup?q=')).status).toBe(400);
    } finally {
      await store.close();
    }
  });
});

describe('registry import: rejects, parts', () => {
  const t = tempDir();
  const db = join(t.dir, 'reg.duckdb');
  afterAll(() => t.cleanup());

  it('a bad line becomes a reject with its line number; exit 3; counts reconcile', async () => {
    const r = await cli(['registry', 'import', packagePath('test', 'fixtures', 'registry-quirks', 'synthetic-bad-lines.cp1251.csv'), '--json', '--db', db]);
    expect(r.code).toBe(3);
    const rep = json(r);
    expect(rep.files[0]).toMatchObject({ lines: 9, header_lines: 1, blank_lines: 1, stored: 2, rejected: 5, reconciled: true });
    expect(rep.rejects.map((x: { line: number; reason: string }) => `${x.line} ${x.reason.split(':')[0]}`)).toEqual([
      '4 bad_ip',
      '5 bad_date',
      '6 too_few_fields',
      '7 empty_record',
      '8 missing_decision',
    ]);
    const s = json(await cli(['registry', 'summary', '--snapshot', '2021-01-01', '--json', '--db', db]));
    expect(s.ipv4.distinct_addresses).toBe(16_777_216 + 1); // 10/8 contains 10.1/16, plus 1.2.3.4
  });

  it('a dump dated after now is refused (exit 2) naming its header line or --dump-time, and stores nothing', async () => {
    const future = join(t.dir, 'future.csv');
    writeFileSync(future, Buffer.from('Updated: 2099-01-02 00:00:00 +0000\n1.2.3.4;example.org;;court;2-1/2021;2021-01-01\n', 'latin1'));
    const hdr = await cli(['registry', 'import', future, '--db', db]);
    expect(hdr.code).toBe(2);
    expect(hdr.err).toMatch(/future\.csv: line 1: the "Updated:" header names 2099-01-02T00:00:00Z, after now \(.*; 10 minutes allowed for clock skew\)/);
    const part = join(t.dir, 'headerless-part.csv');
    writeFileSync(part, Buffer.from('1.2.3.4;example.org;;court;2-1/2021;2021-01-01\n', 'latin1'));
    const opt = await cli(['registry', 'import', part, '--dump-time', '2099-05-05', '--db', db]);
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/--dump-time "2099-05-05" is after now/);
    const list = json(await cli(['registry', 'summary', '--json', '--db', db]));
    expect(JSON.stringify(list)).not.toMatch(/2099/);
  });

  it('a decision dated after today is a reject with its line, on every path a line takes (exit 3)', async () => {
    const dump = join(t.dir, 'future-decisions.csv');
    const lines = [
      'Updated: 2021-01-02 00:00:00 +0000',
      '1.2.3.4;example.org;;court;2-1/2021;2099-01-01',
      // a quoted URL field: the line takes the general path, not the verbatim one
      '5.6.7.8;example.net;"http://example.net/a;b";court;2-2/2021;2099-01-01',
      '9.9.9.9;example.com;;court;2-3/2021;2021-01-01',
    ];
    writeFileSync(dump, Buffer.from(lines.join('\n') + '\n', 'latin1'));
    const r = await cli(['registry', 'import', dump, '--json', '--db', db]);
    expect(r.code, r.err).toBe(3);
    const rep = json(r);
    expect(rep.files[0]).toMatchObject({ stored: 1, rejected: 2, reconciled: true });
    expect(rep.rejects.map((x: { line: number; reason: string }) => [x.line, x.reason])).toEqual([
      [2, expect.stringMatching(/^future_date: decision date "2099-01-01" is after the dump's time 2021-01-02T00:00:00.000Z/)],
      [3, expect.stringMatching(/^future_date: decision date "2099-01-01" is after the dump's time 2021-01-02T00:00:00.000Z/)],
    ]);
    const cidr = join(t.dir, 'cidr_2021-01-03_DERIVED.csv');
    writeFileSync(
      cidr,
      'cidr,num_addresses,decision_body,decision_number,decision_date,domain,record_line\n10.0.0.0/24,256,court,2-4/2021,2099-01-01,x.example,2\n10.0.1.0/24,256,court,2-5/2021,2021-01-01,y.example,3\n',
    );
    const c = await cli(['registry', 'import', cidr, '--json', '--db', db]);
    expect(c.code, c.err).toBe(3);
    expect(json(c).rejects).toEqual([
      { file: 'cidr_2021-01-03_DERIVED.csv', line: 2, reason: expect.stringMatching(/^future_date: decision date "2099-01-01"/) },
    ]);
  });

  it('a dump written as UTF-8 is refused (exit 2) naming the encoding, never stored garbled', async () => {
    // the real quirks fixture, re-encoded as UTF-8 (SYNTHETIC encoding of real lines)
    const cp = readFileSync(packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'));
    const utf8 = join(t.dir, 'dump-utf8.csv');
    writeFileSync(utf8, new TextDecoder('windows-1251').decode(cp), 'utf8');
    const r = await cli(['registry', 'import', utf8, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/dump-utf8\.csv: the file is UTF-8, but a Zapret-Info dump is windows-1251 \(cp1251\).*iconv -f utf-8 -t cp1251/);
  });

  it('a dump split in parts imports as one snapshot', async () => {
    const lines = readFileSync(packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'));
    const text = lines.toString('latin1').split('\n');
    writeFileSync(join(t.dir, 'dump-00.csv'), Buffer.from(text.slice(0, 4).join('\n') + '\n', 'latin1'));
    writeFileSync(join(t.dir, 'dump-01.csv'), Buffer.from(text.slice(4).join('\n'), 'latin1'));
    copyFileSync(packagePath('test', 'fixtures', 'registry-quirks', 'dump-08-2020-02-16-lines.cp1251.csv'), join(t.dir, 'lone-part.csv'));
    const r = json(await cli(['registry', 'import', join(t.dir, 'dump-00.csv'), join(t.dir, 'dump-01.csv'), '--json', '--db', db]));
    expect(r.files.map((f: { snapshot: string }) => f.snapshot)).toEqual(['2016-06-13T12:04:00Z', '2016-06-13T12:04:00Z']);
    expect(r.snapshots).toEqual([expect.objectContaining({ id: '2016-06-13T12:04:00Z', entries: 6, complete: true })]);
    const lone = await cli(['registry', 'import', join(t.dir, 'lone-part.csv'), '--json', '--db', db]);
    expect(lone.code).toBe(2);
    expect(lone.err).toMatch(/--dump-time/);
    const ok = json(await cli(['registry', 'import', join(t.dir, 'lone-part.csv'), '--dump-time', '2020-02-16', '--json', '--db', db]));
    expect(ok.snapshots[0]).toMatchObject({ id: '2020-02-16', entries: 6, complete: false });
  });

  it('never holds two versions of one moment: other content beside a complete dump is refused before any write', async () => {
    // SYNTHETIC: the real quirks lines of 2016-06-13, one record dropped, as a whole dump under another name.
    const text = readFileSync(packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'))
      .toString('latin1')
      .split('\n');
    const other = join(t.dir, 'register-2016-06-13.csv');
    writeFileSync(other, Buffer.from(text.slice(0, 6).join('\n') + '\n', 'latin1'));
    const before = json(await cli(['registry', 'summary', '--snapshot', '2016-06-13T12:04:00Z', '--json', '--db', db]));
    const r = await cli(['registry', 'import', other, '--json', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /register-2016-06-13\.csv: a complete dump of 2016-06-13T12:04:00Z, but snapshot 2016-06-13T12:04:00Z already holds other content \(dump-00\.csv, dump-01\.csv\)/,
    );
    // A part of the complete set under its own name replaces itself, and the snapshot stays complete.
    const again = await cli(['registry', 'import', join(t.dir, 'dump-00.csv'), '--force', '--json', '--db', db]);
    expect(again.code, again.err).toBe(0);
    expect(json(again).snapshots).toEqual([expect.objectContaining({ id: '2016-06-13T12:04:00Z', entries: 6, complete: true })]);
    expect(json(await cli(['registry', 'summary', '--snapshot', '2016-06-13T12:04:00Z', '--json', '--db', db])).entries).toEqual(before.entries);
  });
});
