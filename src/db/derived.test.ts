import { describe, expect, it } from 'vitest';
import { RULES_VERSION } from '../measure/index.js';
import type { EventLinkRecord, Store } from '../store/index.js';
import { derivedChecks } from './derived.js';

type Versions = { rules_version: string | null; path: string | null; n: number }[];

type Choice = { label: string; label_en: string | null };

function storeWith(links: EventLinkRecord[], versions: Versions | null, choices: Choice[] = []): Store {
  const election = { id: 'president-2018', kind: 'president', year: 2018, title: 'Presidential election' };
  return {
    ledger: { linksOfKind: (kind: string) => Promise.resolve(links.filter((l) => l.kind === kind)) },
    measure: { rescore: versions === null ? undefined : { versions: () => Promise.resolve(versions) } },
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
      ['measurement verdicts', 'stale', ['splinternet measurements rescore']],
      ['measurement rule inputs', 'stale', [`splinternet ingest --force '/d/it'\\''s here.jsonl'`, 'splinternet measurements rescore']],
      ['election choices', 'empty', undefined],
    ]);
    expect(checks[1]!.detail).toBe(`2 of 10 judged with other rules (older: 2; current ${RULES_VERSION})`);
  });

  it('a store without rule inputs (ClickHouse) is unchecked, not current; an empty one is empty', async () => {
    expect((await derivedChecks(storeWith([], null))).map((c) => c.status)).toEqual(['empty', 'unchecked', 'empty']);
    expect((await derivedChecks(storeWith([], []))).map((c) => c.status)).toEqual(['empty', 'empty', 'empty', 'empty']);
  });

  it('an election choice stored without the English name this code gives is stale: its protocol files imported again', async () => {
    const names = [
      { label: 'Путин Владимир Владимирович', label_en: 'Vladimir Putin' },
      { label: 'Бабурин Сергей Николаевич', label_en: null },
      { label: 'Неизвестный Кандидат', label_en: null },
    ];
    const stale = (await derivedChecks(storeWith([], [], names)))[3]!;
    expect(stale).toMatchObject({ dataset: 'election choices', status: 'stale', commands: ['splinternet elections import --force kobak-2018.csv.zip'] });
    expect(stale.detail).toMatch(/^1 choice without the English name this code gives \(president-2018: Sergey Baburin\)/);
    const fixed = names.map((c) => ({ ...c, label_en: c.label_en ?? (c.label.startsWith('Бабурин') ? 'Sergey Baburin' : null) }));
    expect((await derivedChecks(storeWith([], [], fixed)))[3]).toMatchObject({
      status: 'current',
      detail: expect.stringMatching(/^3 choices of 1 election/) as string,
    });
  });
});
