import { describe, expect, it } from 'vitest';
import { fingerprintsVersion, RULES_VERSION } from '../measure/index.js';
import { geocodeFields, type LedgerEvent } from '../ledger/index.js';
import type { EventLinkRecord, Store } from '../store/index.js';
import { derivedChecks as checksOf } from './derived.js';

const clock = { now: () => new Date('2026-12-04T00:00:00Z') };
const derivedChecks = (store: Store) => checksOf(store, clock);

type Versions = { rules_version: string | null; fingerprints_version?: string | null; path: string | null; n: number }[];

/** The store's fingerprint set in these tests (none stored) and its version. */
const FP = fingerprintsVersion([]);

type Choice = { label: string; label_en: string | null };

/** A register snapshot; `published: false`: its figures were written (by another node) but this store's series have no value of it. */
type Snapshot = { id: string; doc: Record<string, unknown>; files: string[]; published?: boolean };

function storeWith(links: EventLinkRecord[], versions: Versions | null, choices: Choice[] = [], events: LedgerEvent[] = [], snapshots: Snapshot[] = []): Store {
  const election = { id: 'president-2018', kind: 'president', year: 2018, title: 'Presidential election' };
  return {
    ledger: {
      linksOfKind: (kind: string) => Promise.resolve(links.filter((l) => l.kind === kind)),
      listEvents: () => Promise.resolve(events.map((doc) => ({ id: doc.id, origin: 'stop', doc }))),
      // the blocked-IPv4 value every analysed snapshot publishes for its day
      listIndicatorValues: () =>
        Promise.resolve(
          snapshots
            .filter((x) => x.doc.entries !== undefined && x.published !== false)
            .map((x) => ({
              seriesId: 'ru-registry-blocked-ipv4',
              period: x.id.slice(0, 10),
              doc: { source: { locator: `splinternet registry summary --snapshot ${x.id}` } },
            })),
        ),
    },
    measure: {
      rescore: versions === null ? undefined : { versions: () => Promise.resolve(versions.map((v) => ({ fingerprints_version: FP, ...v }))) },
      listFingerprints: () => Promise.resolve([]),
    },
    registry: {
      listSnapshots: () => Promise.resolve(snapshots.map(({ id, doc }) => ({ id, doc, dumpAt: id, complete: true }))),
      listFiles: (id: string) => Promise.resolve((snapshots.find((x) => x.id === id)?.files ?? []).map((sourceFile) => ({ snapshotId: id, sourceFile }))),
    },
    elections: {
      list: () => Promise.resolve(choices.length ? [election] : []),
      get: () =>
        Promise.resolve({
          election,
          choices: choices.map((c, idx) => ({ election_id: election.id, idx, name: c.label, ...c })),
          files: [
            { election_id: election.id, file: 'kobak-2018.csv.zip', format: 'protocol' },
            { election_id: election.id, file: 'deg.js', format: 'deg' },
          ],
        }),
    },
  } as unknown as Store;
}

const link = (eventId: string, file: string, text?: string): EventLinkRecord => ({
  eventId,
  kind: 'stop_row',
  target: `${file}:${eventId}:${text ?? ''}`,
  doc: { file, record: 1, ...(text === undefined ? {} : { text }) },
});

describe('derivedChecks', () => {
  it('a file with some texts is current (STOP leaves some records empty); a file with none is stale, named with its command', async () => {
    const [links] = await derivedChecks(
      storeWith([link('a', 'new.csv', 'Internet cut in Tigray'), link('b', 'new.csv'), link('c', 'old.csv'), link('c', 'old.csv'), link('d', 'old.csv')], []),
    );
    expect(links).toEqual({
      dataset: 'ledger links',
      status: 'stale',
      detail: expect.stringMatching(/^2 STOP events without record texts \(3 records of old\.csv, imported before texts were kept\)/) as string,
      commands: ['splinternet events import old.csv'],
    });
    const [current] = await derivedChecks(storeWith([link('a', 'new.csv', 'x'), link('b', 'new.csv')], []));
    expect(current!.status).toBe('current');
  });

  it('verdicts of other rule sets and measurements without rule inputs are stale; paths are quoted for the shell', async () => {
    const checks = await derivedChecks(
      storeWith(
        [],
        [
          { rules_version: RULES_VERSION, path: '/d/a.jsonl', n: 7 },
          { rules_version: 'older', path: '/d/a.jsonl', n: 2 },
          { rules_version: null, path: "/d/it's here.jsonl", n: 1 },
        ],
      ),
    );
    expect(checks.map((c) => [c.dataset, c.status, c.commands])).toEqual([
      ['ledger links', 'empty', undefined],
      ['ledger geocodes', 'empty', undefined],
      ['measurement verdicts', 'stale', ['splinternet measurements rescore']],
      ['measurement rule inputs', 'stale', [`splinternet ingest --force '/d/it'\\''s here.jsonl'`, 'splinternet measurements rescore']],
      ['election choices', 'empty', undefined],
      ['registry figures', 'empty', undefined],
    ]);
    expect(checks[2]!.detail).toBe(`2 of 10 judged with other rules (older: 2; current ${RULES_VERSION})`);
  });

  it('verdicts judged with another fingerprint set than the store holds, or before the set was recorded, are stale', async () => {
    const [, , verdicts] = await derivedChecks(
      storeWith(
        [],
        [
          { rules_version: RULES_VERSION, path: '/d/a.jsonl', n: 7 },
          { rules_version: RULES_VERSION, fingerprints_version: 'f0f0f0f0f0f0', path: '/d/a.jsonl', n: 2 },
          { rules_version: RULES_VERSION, fingerprints_version: null, path: '/d/b.jsonl', n: 3 },
          { rules_version: 'older', fingerprints_version: null, path: '/d/b.jsonl', n: 1 },
        ],
      ),
    );
    expect(verdicts).toEqual({
      dataset: 'measurement verdicts',
      status: 'stale',
      detail: `1 of 13 judged with other rules (older: 1; current ${RULES_VERSION}); 5 of 13 judged with another fingerprint set (f0f0f0f0f0f0: 2, not recorded: 3; the store holds ${FP})`,
      commands: ['splinternet measurements rescore'],
    });
    const [, , current] = await derivedChecks(storeWith([], [{ rules_version: RULES_VERSION, path: '/d/a.jsonl', n: 7 }]));
    expect(current).toMatchObject({ status: 'current', detail: `7 of 7 judged with rules ${RULES_VERSION} and fingerprints ${FP}` });
  });

  it('a store without rule inputs (ClickHouse) is unchecked, not current; an empty one is empty', async () => {
    expect((await derivedChecks(storeWith([], null))).map((c) => c.status)).toEqual(['empty', 'empty', 'unchecked', 'empty', 'empty']);
    expect((await derivedChecks(storeWith([], []))).map((c) => c.status)).toEqual(['empty', 'empty', 'empty', 'empty', 'empty', 'empty']);
  });

  it('day cells that count fewer measurements than a shard stores are stale, naming the shard and the files to read again', async () => {
    const store = storeWith([], null);
    const parts = [
      { part: 'shard 1 (127.0.0.1:18400)', stored: 446, counted: 446, paths: [] },
      { part: 'shard 2 (127.0.0.1:18401)', stored: 444, counted: 290, paths: ['/d/big10.jsonl'] },
    ];
    (store.measure as { dayCellCounts?: () => Promise<typeof parts> }).dayCellCounts = () => Promise.resolve(parts);
    const checks = await derivedChecks(store);
    expect(checks.map((c) => c.dataset)).toEqual([
      'ledger links',
      'ledger geocodes',
      'measurement verdicts',
      'measurement day cells',
      'election choices',
      'registry figures',
    ]);
    expect(checks[3]).toEqual({
      dataset: 'measurement day cells',
      status: 'stale',
      detail:
        'the day cells count 736 of 890 measurements stored (shard 2 (127.0.0.1:18401): 290 of 444): day summaries undercount until the files are read again',
      commands: ['splinternet ingest --force /d/big10.jsonl'],
    });
    parts[1]!.counted = 444;
    expect((await derivedChecks(store))[3]).toEqual({
      dataset: 'measurement day cells',
      status: 'current',
      detail: 'the day cells count all 890 measurements stored on 2 shards',
    });
  });

  it('an election choice stored without the English name this code gives is stale: its protocol files imported again', async () => {
    const names = [
      { label: 'Путин Владимир Владимирович', label_en: 'Vladimir Putin' },
      { label: 'Бабурин Сергей Николаевич', label_en: null },
      { label: 'Неизвестный Кандидат', label_en: null },
    ];
    const stale = (await derivedChecks(storeWith([], [], names)))[4]!;
    expect(stale).toMatchObject({ dataset: 'election choices', status: 'stale', commands: ['splinternet elections import --force kobak-2018.csv.zip'] });
    expect(stale.detail).toMatch(/^1 choice without the English name this code gives \(president-2018: Sergey Baburin\)/);
    const fixed = names.map((c) => ({ ...c, label_en: c.label_en ?? (c.label.startsWith('Бабурин') ? 'Sergey Baburin' : null) }));
    expect((await derivedChecks(storeWith([], [], fixed)))[4]).toMatchObject({
      status: 'current',
      detail: expect.stringMatching(/^3 choices of 1 election/) as string,
    });
  });

  it('an event placed otherwise than the gazetteer now places it is stale; one placed by hand is kept', async () => {
    // SYNTHETIC events around a real STOP area text
    const base = { status: 'active', revision: 1, countries: ['IN'], scope: 'local', title: 'Internet shutdown in Chomu (India)' };
    const text = 'Chomu town, Jaipur District, Rajasthan';
    const placed = (id: string) => {
      const e = { ...base, id, regions: [], places: [], population_affected: null, geocode: { status: 'ok', text, reason: null, unmatched: [] } };
      return { ...e, ...geocodeFields(e as never) } as unknown as LedgerEvent;
    };
    const manual = { ...placed('c'), regions: ['IN-RJ'], geocode: { status: 'manual', text, reason: null, unmatched: [] } } as unknown as LedgerEvent;
    const current = (await derivedChecks(storeWith([], [], [], [placed('a'), manual])))[1]!;
    expect(current).toEqual({
      dataset: 'ledger geocodes',
      status: 'current',
      detail: '1 of 2 events placed as this code places them, 1 placed by hand (kept)',
    });
    expect(placed('a').population_affected).not.toBeNull();
    const old = { ...placed('b'), regions: [], places: [], population_affected: null } as LedgerEvent;
    const stale = (await derivedChecks(storeWith([], [], [], [placed('a'), old, manual])))[1]!;
    expect(stale).toMatchObject({ dataset: 'ledger geocodes', status: 'stale', commands: ['splinternet events geocode'] });
    expect(stale.detail).toMatch(/^1 of 3 events placed otherwise than this code places them from their area text, 1 placed by hand \(kept\)/);
  });

  it('SYNTHETIC snapshots: one stored without figures (an import stopped in its analysis) is stale, naming the import of its files', async () => {
    const shipped = 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz';
    const snapshots = [
      { id: '2016-06-13T12:04:00Z', doc: {}, files: [shipped] },
      { id: '2020-02-16', doc: { entries: 5 }, files: ['zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'] },
    ];
    const stale = (await derivedChecks(storeWith([], [], [], [], snapshots))).find((c) => c.dataset === 'registry figures');
    expect(stale).toEqual({
      dataset: 'registry figures',
      status: 'stale',
      detail: '1 of 2 snapshots stored without figures (2016-06-13T12:04:00Z): the register summary, its figures and its default snapshot leave them out',
      commands: [`splinternet registry import data/registry/${shipped}`],
    });
    snapshots[0]!.doc = { entries: 3 };
    expect((await derivedChecks(storeWith([], [], [], [], snapshots))).find((c) => c.dataset === 'registry figures')).toEqual({
      dataset: 'registry figures',
      status: 'current',
      detail: 'figures for all 2 snapshots',
    });
  });

  it("SYNTHETIC snapshots: one with figures but no value in this store's series (imported by another node on the cluster) is stale, naming the import of its files", async () => {
    const snapshots: Snapshot[] = [
      { id: '2018-05-05T13:25:00Z', doc: { entries: 3 }, files: ['zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'] },
      { id: '2019-06-01', doc: { entries: 5 }, files: ['zapret-info_dump_2019-06-01_qa.cp1251.csv'], published: false },
    ];
    expect((await derivedChecks(storeWith([], [], [], [], snapshots))).find((c) => c.dataset === 'registry figures')).toEqual({
      dataset: 'registry figures',
      status: 'stale',
      detail:
        "1 of 2 snapshots with figures but no values in this database's ru-registry-* indicator series (2019-06-01; imported by another node sharing the store): the published series leave them out",
      commands: ['splinternet registry import zapret-info_dump_2019-06-01_qa.cp1251.csv'],
    });
    snapshots[1]!.published = true;
    expect((await derivedChecks(storeWith([], [], [], [], snapshots))).find((c) => c.dataset === 'registry figures')?.status).toBe('current');
  });
});
