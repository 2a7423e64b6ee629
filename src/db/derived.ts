/**
 * Whether the store's derived data was made by the code now running (`splinternet doctor`).
 * Some changes to how data is derived reach a store only when a command is run again on it:
 * STOP record texts are kept on `stop_row` links only by an import made since they were kept
 * (`events import`), a measurement's verdict is that of the rule set it was judged with
 * (`measurements rescore`; `ingest --force` for measurements stored before rule inputs were
 * kept), an election choice's English name is read from the protocol header on import
 * (`elections import --force`), an event's regions, places and people cut off are read from
 * its area text by the gazetteer (`events geocode`), a ClickHouse shard's day cells count the measurements it stores
 * (`ingest --force` of the files of the days that differ). A store built earlier would otherwise give other numbers and
 * names than a fresh one, silently.
 *
 * Each check reads the data itself (no stamp to trust) and says, per dataset: current, stale
 * (with the figures and the exact command that refreshes it), or empty. Nothing is written.
 * docs/design/090-operations.md records the rules and what they find on real stores.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { choiceEnglish } from '../elections/index.js';
import { geocodeLedger } from '../ledger/index.js';
import { fingerprintsVersion, RULES_VERSION, type Fingerprint } from '../measure/index.js';
import { unpublishedSnapshots } from '../registry/index.js';
import { packagePath, silentProgress, type Clock } from '../shared/index.js';
import type { Store } from '../store/index.js';

export interface DerivedCheck {
  /** The derived dataset checked. */
  dataset:
    'ledger links' | 'ledger geocodes' | 'measurement verdicts' | 'measurement rule inputs' | 'measurement day cells' | 'election choices' | 'registry figures';
  /** current: made by this code; stale: made by earlier code (run `command`); empty: nothing stored; unchecked: this store cannot say. */
  status: 'current' | 'stale' | 'empty' | 'unchecked';
  detail: string;
  /** What refreshes a stale dataset, one shell command per line (absent unless stale). */
  commands?: string[];
}

const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, noun: string) => `${n(x)} ${noun}${x === 1 ? '' : 's'}`;
/** A path as one shell word (quoted when it holds a space or a shell character). */
const shellWord = (p: string) => (/^[\w./@%+=:,-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

/** A STOP file named on its links, as the user would pass it: the shipped copy when it is the shipped file, else its name. */
function stopPath(file: string): string {
  const shipped = packagePath('data', 'events', file);
  return existsSync(shipped) ? join('data', 'events', file) : file;
}

/**
 * STOP record texts. An import made since texts were kept writes, on every link of the file it
 * reads, the record's text when the record has one; STOP leaves some records' text empty (455
 * of 2,099 links of the 2026-05-20 snapshot), so a link without text alone says nothing. A
 * file none of whose links carries a text was imported before texts were kept.
 */
async function stopTexts(store: Store): Promise<DerivedCheck> {
  const links = await store.ledger.linksOfKind('stop_row');
  if (links.length === 0) return { dataset: 'ledger links', status: 'empty', detail: 'no STOP records imported' };
  const byFile = new Map<string, { links: number; texts: number; events: Set<string> }>();
  for (const l of links) {
    const doc = (l.doc ?? {}) as { file?: unknown; text?: unknown };
    const file = typeof doc.file === 'string' ? doc.file : '(file not recorded)';
    const f = byFile.get(file) ?? { links: 0, texts: 0, events: new Set<string>() };
    f.links++;
    if (typeof doc.text === 'string' && doc.text.trim()) f.texts++;
    f.events.add(l.eventId);
    byFile.set(file, f);
  }
  const stale = [...byFile].filter(([, f]) => f.texts === 0);
  if (stale.length === 0) {
    const texts = [...byFile.values()].reduce((s, f) => s + f.texts, 0);
    return {
      dataset: 'ledger links',
      status: 'current',
      detail: `${n(links.length)} STOP records from ${byFile.size} file(s), record texts kept (${n(texts)} with a text; STOP leaves the others empty)`,
    };
  }
  const events = new Set(stale.flatMap(([, f]) => [...f.events]));
  return {
    dataset: 'ledger links',
    status: 'stale',
    detail:
      `${n(events.size)} STOP events without record texts (${n(stale.reduce((s, [, f]) => s + f.links, 0))} records of ${stale.map(([file]) => file).join(', ')}, ` +
      'imported before texts were kept): cost readings miss what earlier records say (hours stated, platforms restored)',
    commands: stale.map(([file]) => `splinternet events import ${stopPath(file)}`),
  };
}

/**
 * Measurement verdicts: the rule set and the fingerprint set each was judged with (a verdict
 * depends on both; the current fingerprint set is the one the store holds, which `ingest` and
 * `rescore` judge with), and those stored before rule inputs were kept.
 */
async function verdicts(store: Store): Promise<DerivedCheck[]> {
  const rescore = store.measure.rescore;
  if (!rescore)
    return [
      {
        dataset: 'measurement verdicts',
        status: 'unchecked',
        detail: 'this store keeps no rule inputs (ClickHouse): `measurements rescore` says which files were judged with other rules',
      },
    ];
  const rows = await rescore.versions();
  const total = rows.reduce((s, r) => s + r.n, 0);
  if (total === 0)
    return [
      { dataset: 'measurement verdicts', status: 'empty', detail: 'no measurements stored' },
      { dataset: 'measurement rule inputs', status: 'empty', detail: 'no measurements stored' },
    ];
  const fingerprints = fingerprintsVersion((await store.measure.listFingerprints()) as Fingerprint[]);
  const judged = rows.filter((r) => r.rules_version !== null);
  const otherRules = judged.filter((r) => r.rules_version !== RULES_VERSION);
  const otherSet = judged.filter((r) => r.rules_version === RULES_VERSION && r.fingerprints_version !== fingerprints);
  const without = rows.filter((r) => r.rules_version === null);
  const sum = (rs: typeof rows) => rs.reduce((s, r) => s + r.n, 0);
  const tally = (rs: typeof rows, key: (r: (typeof rows)[number]) => string) => {
    const by = new Map<string, number>();
    for (const r of rs) by.set(key(r), (by.get(key(r)) ?? 0) + r.n);
    return [...by].map(([v, c]) => `${v}: ${n(c)}`).join(', ');
  };
  const why = [
    otherRules.length
      ? `${n(sum(otherRules))} of ${n(total)} judged with other rules (${tally(otherRules, (r) => r.rules_version!)}; current ${RULES_VERSION})`
      : '',
    otherSet.length
      ? `${n(sum(otherSet))} of ${n(total)} judged with another fingerprint set (${tally(otherSet, (r) => r.fingerprints_version ?? 'not recorded')}; the store holds ${fingerprints})`
      : '',
  ].filter(Boolean);
  const out: DerivedCheck[] = [
    why.length === 0
      ? {
          dataset: 'measurement verdicts',
          status: 'current',
          detail: `${n(sum(judged))} of ${n(total)} judged with rules ${RULES_VERSION} and fingerprints ${fingerprints}`,
        }
      : {
          dataset: 'measurement verdicts',
          status: 'stale',
          detail: why.join('; '),
          commands: ['splinternet measurements rescore'],
        },
  ];
  const paths = [...new Set(without.map((r) => r.path ?? '(file not recorded)'))];
  out.push(
    without.length === 0
      ? { dataset: 'measurement rule inputs', status: 'current', detail: `kept for all ${n(total)} (rescore can re-judge every one)` }
      : {
          dataset: 'measurement rule inputs',
          status: 'stale',
          detail: `${n(sum(without))} of ${n(total)} stored before rule inputs were kept: rescore cannot re-judge them, their files must be read again (${paths.length} file(s))`,
          // a re-read keeps the verdict it finds stored; rescore then judges it with the current rules
          commands: [`splinternet ingest --force ${paths.map(shellWord).join(' ')}`, 'splinternet measurements rescore'],
        },
  );
  return out;
}

/**
 * Day cells against the rows: per part (a ClickHouse shard, the DuckDB file), the measurements
 * stored against those the day cells count. Reading the files of the days that differ again
 * (`ingest --force`) recounts them.
 */
async function dayCells(store: Store): Promise<DerivedCheck[]> {
  if (!store.measure.dayCellCounts) return [];
  const parts = await store.measure.dayCellCounts();
  const stored = parts.reduce((s, p) => s + p.stored, 0);
  const counted = parts.reduce((s, p) => s + p.counted, 0);
  const short = parts.filter((p) => p.stored !== p.counted);
  if (stored === 0 && counted === 0) return [{ dataset: 'measurement day cells', status: 'empty', detail: 'no measurements stored' }];
  if (!short.length)
    return [
      {
        dataset: 'measurement day cells',
        status: 'current',
        detail: `the day cells count all ${n(stored)} measurements stored${parts.some((p) => p.part.startsWith('shard')) ? ` on ${plural(parts.length, 'shard')}` : ''}`,
      },
    ];
  const paths = [...new Set(short.flatMap((p) => p.paths))].sort();
  return [
    {
      dataset: 'measurement day cells',
      status: 'stale',
      detail:
        `the day cells count ${n(counted)} of ${n(stored)} measurements stored (${short.map((p) => `${p.part}: ${n(p.counted)} of ${n(p.stored)}`).join('; ')}): ` +
        'day summaries undercount until the files are read again',
      commands: [`splinternet ingest --force ${paths.map(shellWord).join(' ')}`],
    },
  ];
}

/** Election choices stored without the English name this code reads from their label (added to the parser since they were imported). */
async function electionNames(store: Store): Promise<DerivedCheck> {
  const list = await store.elections.list();
  if (list.length === 0) return { dataset: 'election choices', status: 'empty', detail: 'no elections imported' };
  let choices = 0;
  const stale: { id: string; names: string[]; files: string[] }[] = [];
  for (const e of list) {
    const got = await store.elections.get(e.id);
    if (!got) continue;
    choices += got.choices.length;
    const names = got.choices.filter((c) => c.label_en === null && choiceEnglish(c.label) !== null).map((c) => choiceEnglish(c.label)!);
    // a protocol file's header gives the choices (the DEG and district files carry none)
    if (names.length) stale.push({ id: e.id, names, files: got.files.filter((f) => f.format === 'protocol').map((f) => f.file) });
  }
  if (stale.length === 0)
    return {
      dataset: 'election choices',
      status: 'current',
      detail: `${n(choices)} choices of ${n(list.length)} election(s), every English name this code gives stored`,
    };
  return {
    dataset: 'election choices',
    status: 'stale',
    detail:
      `${plural(
        stale.reduce((s, x) => s + x.names.length, 0),
        'choice',
      )} without the English name this code gives (${stale.map((x) => `${x.id}: ${x.names.join(', ')}`).join('; ')}), ` +
      'imported before it was added: import the files again from where they are (stored by name only)',
    commands: stale.map((x) => `splinternet elections import --force ${x.files.map(shellWord).join(' ')}`),
  };
}

/**
 * Where events were placed: each event's stored regions, places and people cut off against what
 * this code's gazetteer reads from the area text it keeps (`events geocode --dry-run`, nothing
 * written). Events a person placed by hand are kept as they are and never count as stale.
 */
async function geocodes(store: Store, clock: Clock): Promise<DerivedCheck> {
  const r = await geocodeLedger({ store, clock, progress: silentProgress }, { dryRun: true });
  if (r.events_read === 0) return { dataset: 'ledger geocodes', status: 'empty', detail: 'no active or draft events' };
  const manual = r.kept_manual ? `, ${n(r.kept_manual)} placed by hand (kept)` : '';
  if (r.changed === 0)
    return {
      dataset: 'ledger geocodes',
      status: 'current',
      detail: `${n(r.unchanged)} of ${n(r.events_read)} events placed as this code places them${manual}`,
    };
  return {
    dataset: 'ledger geocodes',
    status: 'stale',
    detail:
      `${n(r.changed)} of ${n(r.events_read)} events placed otherwise than this code places them from their area text${manual}: ` +
      'costs priced by who was cut off use the stored regions, places and people',
    commands: ['splinternet events geocode'],
  };
}

/** A register file named on its snapshot, as the user would pass it: the shipped copy when it is a shipped file, else its name. */
function registryPath(file: string): string {
  return existsSync(packagePath('data', 'registry', file)) ? join('data', 'registry', file) : file;
}

/**
 * Register snapshots whose files are stored without the figures their analysis writes last (an
 * import stopped in its analysis): the summary's figures and its choice of default snapshot
 * leave them out until `registry import` of their files analyses them again. And snapshots with
 * figures whose values this store's ru-registry-* series lack (on a cluster: imported by another
 * node, whose series are in its own --db file): the published series leave them out until the
 * same command, run here, publishes them.
 */
async function registryFigures(store: Store): Promise<DerivedCheck> {
  const snapshots = await store.registry.listSnapshots();
  if (snapshots.length === 0) return { dataset: 'registry figures', status: 'empty', detail: 'no register snapshots imported' };
  const missing = snapshots.filter((s) => s.doc.entries === undefined);
  const unpublished = await unpublishedSnapshots(store);
  if (!missing.length && !unpublished.length)
    return { dataset: 'registry figures', status: 'current', detail: `figures for all ${plural(snapshots.length, 'snapshot')}` };
  const stale = [...missing, ...unpublished];
  const files = [...new Set((await Promise.all(stale.map((s) => store.registry.listFiles(s.id)))).flat().map((f) => registryPath(f.sourceFile)))].sort();
  const parts = [
    missing.length
      ? `${n(missing.length)} of ${plural(snapshots.length, 'snapshot')} stored without figures (${missing.map((s) => s.id).join(', ')}): ` +
        'the register summary, its figures and its default snapshot leave them out'
      : '',
    unpublished.length
      ? `${n(unpublished.length)} of ${plural(snapshots.length, 'snapshot')} with figures but no values in this database's ru-registry-* indicator series ` +
        `(${unpublished.map((s) => s.id).join(', ')}; imported by another node sharing the store): the published series leave them out`
      : '',
  ];
  return {
    dataset: 'registry figures',
    status: 'stale',
    detail: parts.filter(Boolean).join('; '),
    commands: [`splinternet registry import ${files.map(shellWord).join(' ')}`],
  };
}

/** Every derived dataset's state, in a fixed order. */
export async function derivedChecks(store: Store, clock: Clock): Promise<DerivedCheck[]> {
  return [
    await stopTexts(store),
    await geocodes(store, clock),
    ...(await verdicts(store)),
    ...(await dayCells(store)),
    await electionNames(store),
    await registryFigures(store),
  ];
}
