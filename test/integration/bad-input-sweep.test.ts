/**
 * The sweep a demanding user makes over the whole CLI (docs/design/095-bad-input.md, "The
 * sweep"), for what bad-input.test.ts (op fields, CLI and HTTP) and bad-files.test.ts (missing,
 * directory, empty files) do not already walk:
 * - every command listed by --help takes --json, and an option it does not know is exit 2 with
 *   one `error:` line on stderr (no stack) and the error as JSON on stdout;
 * - options only the CLI has (numbers, enums, dates, JSON) are refused naming the option;
 * - each importer given a real fixture file changed as users' files are (SYNTHETIC changes: a
 *   UTF-8 byte order mark, CRLF line endings, a garbled line in the middle, the file cut off in
 *   the middle of a line): the same rows stored for BOM and CRLF; a garbled or cut line is a
 *   reject naming the file and the line (exit 3), or an error naming both (exit 2); the report
 *   reconciles (read = stored + rejected), and a second run of the same file stores nothing new.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CommandUnknownOpts as Command } from '@commander-js/extra-typings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { packagePath } from '../../src/shared/index.js';
import { cli, tempDir } from '../helpers/index.js';

const t = tempDir('splinternet-sweep-');
const template = join(t.dir, 'template.duckdb');
const db = join(t.dir, 'usage.duckdb');
const fixture = (...p: string[]) => packagePath('test', 'fixtures', ...p);

beforeAll(async () => {
  const r = await cli(['db', 'migrate', '--json', '--db', template]);
  expect(r.code, r.err).toBe(0);
  copyFileSync(template, db);
  // one real ledger event, so that edits reach the field checks
  const add = await cli(['events', 'add', '--file', packagePath('data', 'ledger', 'events', 'ru-2018-telegram-block.json'), '--json', '--db', db]);
  expect(add.code, add.err).toBe(0);
}, 120_000);
afterAll(() => t.cleanup());

type Doc = { error?: { code: string; message: string; errors?: { path: string; message: string }[] } } & Record<string, unknown>;
const run = async (argv: string[], database = db) => {
  const r = await cli([...argv, '--json', '--db', database]);
  let doc: Doc;
  try {
    doc = JSON.parse(r.out || '{}') as Doc;
  } catch {
    doc = { unparsed: r.out };
  }
  return { code: r.code, err: r.err, doc };
};

/** Every command a user can run (the leaves of --help), as argv prefixes. */
async function leafCommands(): Promise<{ path: string[]; cmd: Command }[]> {
  const sink = new Writable({ write: (_c, _e, cb: () => void) => cb() });
  const io: Io = { out: sink, err: sink, env: {}, isTTY: false, setExit: () => undefined };
  const program: Command = await buildProgram(io);
  const out: { path: string[]; cmd: Command }[] = [];
  const walk = (c: Command, path: string[]) => {
    // a command with options of its own is runnable even when it also has subcommands (`cost`)
    if (c.commands.length === 0 || c.options.length > 0) out.push({ path, cmd: c });
    for (const s of c.commands) walk(s, [...path, s.name()]);
  };
  for (const c of program.commands) walk(c, [c.name()]);
  return out.filter((l) => l.path[0] !== 'help');
}

describe('every command: --json, and a flag it does not know', () => {
  it('is exit 2 with one error line on stderr and {"error":{"code":"USAGE"}} on stdout, for every command in --help', async () => {
    const leaves = await leafCommands();
    expect(leaves.length).toBeGreaterThan(70);
    const noJson = leaves.filter((l) => !l.cmd.options.some((o) => o.long === '--json')).map((l) => l.path.join(' '));
    expect(noJson, 'commands without --json').toEqual([]);
    for (const { path } of leaves) {
      const r = await run([...path, '--bogus']);
      const name = path.join(' ');
      expect(r.code, `${name}: ${r.err}`).toBe(2);
      expect(r.doc.error?.code, name).toBe('USAGE');
      expect(r.err.split('\n')[0], name).toMatch(/^error: /);
      expect(r.err, name).not.toMatch(/\n\s+at /); // no stack trace
    }
  }, 120_000);
});

/** [argv, exit code, error code, what the message must say]: options the op schemas do not see, or values they see only after the CLI has read them. */
const OPTION_CASES: [string[], number, string, RegExp][] = [
  // a snapshot date that is not on the calendar: before, every row was rejected for its source's date and the counts were stored anyway
  [['events', 'import', fixture('stop', 'real-sample.csv'), '--snapshot', '2021-02-30'], 2, 'VALIDATION', /^--snapshot: "2021-02-30" is not a calendar date/],
  [['events', 'import', fixture('stop', 'real-sample.csv'), '--snapshot', 'yesterday'], 2, 'VALIDATION', /pass --snapshot YYYY-MM-DD/],
  // a field an event does not have: before, exit 0 and the value dropped ("unchanged")
  [['events', 'edit', 'ru-2018-telegram-block', '--set', 'nofield=1'], 2, 'VALIDATION', /nofield: not an event field; the fields are id, title/],
  [['events', 'edit', 'ru-2018-telegram-block', '--set', 'note=lifted'], 2, 'VALIDATION', /note: not an event field \(did you mean notes\?\)/],
  [['events', 'edit', 'ru-2018-telegram-block', '--set', 'end'], 2, 'USAGE', /--set expects field=value, got "end"/],
  [['events', 'edit', 'ru-2018-telegram-block', '--set', 'end=2020-02-30'], 2, 'VALIDATION', /end: must be a date/],
  [
    ['events', 'retract', 'ru-2018-telegram-block', '--reason', 'x', '--expect-revision', '1.5'],
    2,
    'USAGE',
    /--expect-revision must be a whole number, got "1.5"/,
  ],
  // a number that is not one: before, "binWidth: Invalid input: expected number, received NaN" (a name the user never typed)
  [['elections', 'shpilkin', 'duma-2021', '--bin', 'abc'], 2, 'USAGE', /--bin must be a number, got "abc"/],
  [['elections', 'shpilkin', 'duma-2021', '--bin', '0'], 2, 'USAGE', /--bin must be above 0, got 0/],
  [['elections', 'integers', 'duma-2021', '--reps', 'abc'], 2, 'VALIDATION', /reps: must be a whole number from 1 to 10000, got "abc"/],
  [['elections', 'integers', 'duma-2021', '--reps', '1e2'], 2, 'VALIDATION', /reps: must be a whole number from 1 to 10000, got "1e2"/],
  [['elections', 'integers', 'duma-2021', '--reps', '20000'], 2, 'VALIDATION', /reps: must be a whole number from 1 to 10000, got 20000/],
  [['registry', 'summary', '--top', ' 5'], 2, 'VALIDATION', /top: must be a whole number from 1 to 10000, got " 5"/],
  [['registry', 'asns', '--top', '1e2'], 2, 'VALIDATION', /top: must be a whole number from 1 to 10000, got "1e2"/],
  [['elections', 'summary', 'duma-2021', '--by', 'nope'], 2, 'VALIDATION', /by: Invalid option: expected one of "region"\|"district"/],
  [['ingest', fixture('ooni', 'golden.jsonl'), '--workers', 'abc'], 2, 'USAGE', /--workers must be a whole number, got "abc"/],
  // the flag the user typed and its range in MB, not the op's max_line_bytes in bytes
  [['ingest', fixture('ooni', 'golden.jsonl'), '--max-line-mb', '0'], 2, 'USAGE', /--max-line-mb must be from 1 to 16, got 0/],
  [['ingest', fixture('ooni', 'golden.jsonl'), '--engine', 'foo'], 2, 'VALIDATION', /engine: Invalid option: expected one of "js"\|"duckdb"/],
  [['ingest', fixture('ooni', 'golden.jsonl'), '--since', '2021-13-01'], 2, 'VALIDATION', /since: "2021-13-01" is not a date/],
  [['measurements', 'list', '--test-name', 'bogus_test'], 2, 'VALIDATION', /--test-name: "bogus_test" is not an OONI test name/],
  [['measurements', 'rescore', '--batch-size', '0'], 2, 'VALIDATION', /batch_size/],
  [['measurements', 'list', '--cursor', 'garbage'], 2, 'VALIDATION', /cursor: not a next_cursor value/],
  [['ooni', 'sync', '--since', '2024-01-01', '--until', '2024-01-02', '--concurrency', '-1'], 2, 'VALIDATION', /--concurrency must be 1\.\.64, got -1/],
  [['ooni', 'sync', '--since', '2024-13-01', '--until', '2024-01-02'], 2, 'VALIDATION', /--since is not a calendar date/],
  [['ooni', 'sync', '--since', '2024-01-05', '--until', '2024-01-02'], 2, 'VALIDATION', /--until .* is before --since/],
  [['ooni', 'sync', '--since', '2024-01-01', '--until', '2024-01-02', '--bucket-url', 'notaurl'], 2, 'VALIDATION', /bucket URL notaurl: not a URL/],
  [['detect', '--params', 'notjson'], 2, 'USAGE', /--params must be JSON/],
  [['detect', '--kind', 'nope'], 2, 'VALIDATION', /kind: Invalid option/],
  [['watch', '--once', '--every', '-5m'], 2, 'USAGE', /--every must look like 5s, 15m or 1h, got "-5m"/],
  [['watch', '--once', '--ooni-max-hours', 'abc'], 2, 'USAGE', /--ooni-max-hours must be a whole number/],
  // before: exit 0, the watch ran without syncing anything and said nothing of the option
  [['watch', '--once', '--ooni-since', '2024-01-01'], 2, 'USAGE', /--ooni-since only apply with --ooni-sync/],
  [['watch', '--once', '--ooni-sync', '--ooni-since', 'notadate'], 2, 'VALIDATION', /--ooni-since must be YYYY-MM-DD/],
  [
    ['signals', 'import', fixture('outages', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv'), '--ooni-counts', 'week'],
    2,
    'USAGE',
    /Allowed choices are day, hour/,
  ],
  [['tokens', 'create', '--name', 'x', '--scope', 'nope'], 2, 'VALIDATION', /unknown scope "nope"/],
  [['tokens', 'create', '--name', 'x', '--expires', '2000-01-01'], 2, 'VALIDATION', /expires: .* is not in the future/],
  [['hooks', 'add', 'ftp://x/y'], 2, 'VALIDATION', /webhook URLs must be http or https/],
  [['hooks', 'add', 'http://127.0.0.1:9/h', '--kind', 'nope'], 2, 'VALIDATION', /--kind must be a ledger category or detector kind/],
  [['data', 'import', 'nope', fixture('stop', 'real-sample.csv')], 2, 'VALIDATION', /kind: "nope" is not one of worldbank/],
  [['data', 'import', 'worldbank', fixture('stop', 'real-sample.csv'), '--year', '-1'], 2, 'VALIDATION', /year/],
  [
    ['registry', 'import', fixture('registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'), '--dump-time', 'notadate'],
    2,
    'VALIDATION',
    /--dump-time "notadate" is not a date/,
  ],
  [['registry', 'lookup', '999.1.1.1'], 2, 'VALIDATION', /"999\.1\.1\.1" is not a valid IP address/],
  [['cost', '--country', 'RU', '--type', 'full', '--hours', 'NaN'], 2, 'VALIDATION', /hours: "NaN" is not a number/],
  [['cost', '--country', 'RU', '--type', 'full', '--hours', '-1'], 2, 'VALIDATION', /hours: must be a positive number of hours, got -1/],
  [['cost', '--country', 'RU', '--type', 'full', '--hours', '1', '--tz', 'Mars/Base'], 2, 'VALIDATION', /unknown time zone "Mars\/Base"/],
  [['clickhouse', 'up', '--shards', '-1'], 2, 'USAGE', /--shards must be an integer from 1 to 16, got -1/],
  [['events', 'show', 'no-such-id'], 1, 'NOT_FOUND', /no event with id "no-such-id"/],
  // before: exit 1, "cannot open the database ...: Catalog Error: Cannot launch in-memory database in read-only mode!"
  [['db', 'restore', fixture('stop', 'real-sample.csv')], 2, 'VALIDATION', /real-sample\.csv: not a DuckDB database file/],
];

describe('options only the CLI reads', () => {
  it.each(OPTION_CASES)('%j: exit %i, %s', async (argv, exit, code, message) => {
    const r = await run(argv);
    expect(r.code, r.err).toBe(exit);
    expect(r.doc.error?.code, r.err).toBe(code);
    expect(r.doc.error?.message).toMatch(message);
    expect(r.err.split('\n')[0]).toMatch(/^error: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an event file with a field the ledger does not have is refused naming it (SYNTHETIC: a real event with "note" added)', async () => {
    const real = JSON.parse(readFileSync(packagePath('data', 'ledger', 'events', 'ru-2018-telegram-block.json'), 'utf8')) as Record<string, unknown>;
    const file = join(t.dir, 'event-extra-field.json');
    writeFileSync(file, JSON.stringify({ ...real, id: 'ru-2018-telegram-block-copy', note: 'a typo for notes' }));
    const r = await run(['events', 'add', '--file', file]);
    expect(r.code, r.err).toBe(2);
    expect(r.doc.error?.errors).toEqual([{ path: 'note', message: expect.stringMatching(/^not an event field \(did you mean notes\?\)/) }]);
    // the same document as the ledger returns it (revision and timestamps included) is accepted: they are the ledger's own
    const shown = await run(['events', 'show', 'ru-2018-telegram-block']);
    writeFileSync(file, JSON.stringify({ ...shown.doc, id: 'ru-2018-telegram-block-copy' }));
    const ok = await run(['events', 'add', '--file', file]);
    expect(ok.code, ok.err).toBe(0);
  });
});

/** How one importer reports: what it read, stored and rejected, its rejects, and what a rerun added. */
interface Importer {
  fixture: string;
  argv: (file: string) => string[];
  /** [read, stored + rejected] from the report: equal when it reconciles. */
  reconcile: (d: Doc) => [number, number];
  stored: (d: Doc) => number;
  rejects: (d: Doc) => { line: number }[];
  /** Rows a second run of the same file stored that were not there before. */
  added: (d: Doc) => number;
  /** A bad line stops the whole file (exit 2 naming file and line) instead of being a reject. */
  strict?: boolean;
}
type Files = { files: Record<string, number | string>[] };
const first = (d: Doc) => (d as unknown as Files).files[0]!;
const n = (v: unknown) => Number(v);
const IMPORTERS: Record<string, Importer> = {
  'events import (Access Now STOP)': {
    fixture: fixture('stop', 'real-sample.csv'),
    argv: (f) => ['events', 'import', f, '--snapshot', '2024-01-01'],
    reconcile: (d) => [n(d.rows_read), n(d.rows_stored) + n(d.rows_rejected)],
    stored: (d) => n(d.rows_stored),
    rejects: (d) => d.rejects as { line: number }[],
    added: (d) => n((d.events as Record<string, number>).created) + n((d.events as Record<string, number>).updated),
    strict: true,
  },
  'registry import (Zapret-Info dump, cp1251)': {
    fixture: fixture('registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'),
    argv: (f) => ['registry', 'import', f],
    reconcile: (d) => [n(first(d).lines) - n(first(d).header_lines) - n(first(d).blank_lines), n(first(d).stored) + n(first(d).rejected)],
    stored: (d) => n(first(d).stored),
    rejects: (d) => d.rejects as { line: number }[],
    added: (d) => (first(d).status === 'unchanged' ? 0 : n(first(d).stored)),
  },
  'signals import (IODA)': {
    fixture: fixture('outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'),
    argv: (f) => ['signals', 'import', f, '--cc', 'IR'],
    reconcile: (d) => [n(d.records_read) + n(d.zeros_added), n(d.stored) + n(d.rejected)],
    stored: (d) => n(d.stored),
    rejects: (d) => d.rejects as { line: number }[],
    added: (d) => (first(d).status === 'unchanged' ? 0 : n(first(d).stored)),
  },
  'speedtests import': {
    fixture: fixture('speedtests-bad', '2021-03', '13.csv'),
    argv: (f) => ['speedtests', 'import', f],
    reconcile: (d) => [n(d.lines_read), n(d.stored) + n(d.rejected)],
    stored: (d) => n(d.stored),
    rejects: (d) => d.rejects as { line: number }[],
    added: (d) => n(d.stored) - n(d.replaced),
  },
  'elections import (CEC protocol)': {
    fixture: fixture('elections', 'kobak-2020-moscow-3tik.csv'),
    argv: (f) => ['elections', 'import', f, '--election', 'referendum-2020'],
    reconcile: (d) => [n(first(d).lines_read), n(first(d).stored) + n(first(d).rejected)],
    stored: (d) => n(first(d).stored),
    rejects: (d) => first(d).rejects as unknown as { line: number }[],
    added: (d) => (first(d).status === 'unchanged' ? 0 : n(first(d).stored)),
  },
  'ingest (OONI .jsonl.gz)': {
    fixture: fixture('ooni', 'bucket-sample', 'raw', '20230530', '18', 'US', 'signal', '2023053018_US_signal.n0.0.jsonl.gz'),
    argv: (f) => ['ingest', f],
    reconcile: (d) => [n(d.lines_read), n(d.stored) + n(d.duplicates) + n(d.rejected) + n(d.filtered)],
    stored: (d) => n(d.stored),
    // a rerun skips the unchanged file and lists the rejects its first read kept
    rejects: (d) => [...(d.rejects as { line: number }[]), ...((d.rejects_kept ?? []) as { line: number }[])],
    added: (d) => n(d.stored),
  },
};

/** SYNTHETIC changes to a real file, made on its bytes (latin1 keeps cp1251 as it is); `line` is the 1-based line a reader must name. */
function variants(name: string, path: string): { tag: string; file: string; line?: number }[] {
  const gz = path.endsWith('.gz');
  const text = (gz ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('latin1');
  const lines = text.split(/\r?\n/);
  const mid = Math.floor(lines.length / 2);
  const ext = gz ? '.jsonl.gz' : basename(path).slice(basename(path).indexOf('.'));
  const dir = join(t.dir, 'variants', name.split(' ')[0]!);
  mkdirSync(dir, { recursive: true });
  const write = (tag: string, s: string) => {
    const file = join(dir, `${tag}${ext}`);
    const bytes = Buffer.from(s, 'latin1');
    writeFileSync(file, gz ? gzipSync(bytes) : bytes);
    return file;
  };
  const garbled = [...lines];
  garbled.splice(mid, 0, gz ? '{"measurement_start_time": "2023-05-30 18:0' : '"garbled,@@@,\x01');
  const cut = Math.floor(lines.length * 0.6);
  const out = [
    { tag: 'bom', file: write('bom', '\xEF\xBB\xBF' + lines.join('\n')) },
    { tag: 'crlf', file: write('crlf', lines.join('\r\n')) },
    { tag: 'garbled', file: write('garbled', garbled.join('\n')), line: mid + 1 },
    // cut off half way through a line (a copy that stopped early); the gzip one is cut in its compressed bytes
    gz
      ? { tag: 'truncated', file: write('truncated', ''), line: 1 }
      : {
          tag: 'truncated',
          file: write('truncated', [...lines.slice(0, cut), lines[cut]!.slice(0, Math.ceil(lines[cut]!.length / 2))].join('\n')),
          line: cut + 1,
        },
  ];
  if (gz) writeFileSync(out[3]!.file, readFileSync(path).subarray(0, Math.floor(readFileSync(path).length / 2)));
  return out;
}

describe('importers: the files users have', () => {
  const fresh = (name: string) => {
    const file = join(t.dir, `${name.replace(/\W+/g, '-')}.duckdb`);
    copyFileSync(template, file);
    return file;
  };

  it.each(Object.keys(IMPORTERS))(
    '%s: BOM, CRLF, a garbled line, a cut-off file',
    async (name) => {
      const imp = IMPORTERS[name]!;
      const base = await run(imp.argv(imp.fixture), fresh(`${name}-orig`));
      expect(base.code, `${name} original: ${base.err}`).not.toBe(1);
      const [read0, sum0] = imp.reconcile(base.doc);
      expect(read0, `${name} original reconciles`).toBe(sum0);
      for (const v of variants(name, imp.fixture)) {
        const key = `${name} ${v.tag}`;
        const database = fresh(`${name}-${v.tag}`);
        const r = await run(imp.argv(v.file), database);
        if (v.tag === 'bom' || v.tag === 'crlf') {
          // the same rows as the original, and no more rejects
          expect(r.code, `${key}: ${r.err} ${JSON.stringify(r.doc).slice(0, 400)}`).toBe(base.code);
          expect(imp.stored(r.doc), key).toBe(imp.stored(base.doc));
          expect(imp.rejects(r.doc).length, key).toBe(imp.rejects(base.doc).length);
        } else if (imp.strict) {
          // the whole file is refused, naming it and the line
          expect(r.code, `${key}: ${r.err}`).toBe(2);
          expect(r.doc.error?.message, key).toContain(basename(v.file));
          expect(r.doc.error?.message, key).toMatch(/line \d+/);
          continue;
        } else {
          expect(r.code, `${key}: ${r.err}`).toBe(3);
          const named = imp.rejects(r.doc).filter((x) => x.line === v.line);
          expect(named.length, `${key}: a reject at line ${v.line} in ${JSON.stringify(imp.rejects(r.doc)).slice(0, 400)}`).toBe(1);
          expect(JSON.stringify(named[0]), key).toContain(basename(v.file));
        }
        const [read, sum] = imp.reconcile(r.doc);
        expect(read, `${key}: read = stored + rejected`).toBe(sum);
        // a second run of the same file stores nothing new, and still names what it rejected
        const again = await run(imp.argv(v.file), database);
        // (ingest skips a file it has read and lists the rejects kept from that read; the others report the file again)
        expect(again.code, `${key} rerun: ${again.err}`).toBe(r.code);
        expect(imp.added(again.doc), `${key} rerun adds nothing`).toBe(0);
        expect(imp.rejects(again.doc).length, `${key} rerun names its rejects`).toBe(imp.rejects(r.doc).length);
      }
    },
    180_000,
  );
});
