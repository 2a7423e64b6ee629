/**
 * `splinternet ingest PATH...`: OONI JSONL, JSONL.gz, bucket-layout directories, or `-` for
 * stdin. Stdin is read here, in the CLI, and spooled to a file next to the database
 * (<db dir>/spool/), so that the op (in-process or in a running server) reads a path like any
 * other and `measurements show` can re-read the raw line later.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_MAX_LINE_BYTES, parseTestNames } from '../../measure/index.js';
import { measurementsIngest } from '../../measure/ops.js';
import { collect, ctxOf, intOption, leaf } from '../command.js';
import type { OpOutput } from '../../op/index.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { TIME_BOUND_FORMS } from '../../shared/index.js';

/** The line cap in whole MB: at most the default, which a caller may lower, never raise. */
const MAX_LINE_MB = DEFAULT_MAX_LINE_BYTES / (1024 * 1024);

/**
 * Spool stdin under a name made of its bytes' sha256, so the same bytes sent again are the same
 * file at the same path (skipped as unchanged, its rejects kept once), never a second copy.
 */
async function spoolStdin(dbPath: string): Promise<string> {
  const dir = join(dbPath === ':memory:' ? process.cwd() : dirname(dbPath), 'spool');
  mkdirSync(dir, { recursive: true });
  const part = join(dir, `stdin-${process.pid}-${Date.now()}.part`);
  const hash = createHash('sha256');
  const tee = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(process.stdin, tee, createWriteStream(part));
  const file = join(dir, `stdin-${hash.digest('hex').slice(0, 16)}.jsonl`);
  if (existsSync(file)) rmSync(part);
  else renameSync(part, file);
  return file;
}

const upper = (v: string[]) =>
  v
    .flatMap((x) => x.split(','))
    .map((x) => x.trim().toUpperCase())
    .filter(Boolean);

/** The network_events extraction that follows the ingest: what it read, the bad events it found (first 20), the files it could not read. */
function networkEventLines(t: OpOutput<typeof measurementsIngest>['throughput']): string[] {
  const bad = Object.entries(t.bad_by_reason)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return [
    `network_events: ${t.files.extracted} file(s) read, ${t.with_events} measurement(s) with events (${t.with_throughput} timed); bad network events: ${t.bad_events}${bad ? ` (${bad})` : ''}`,
    ...t.rejects.map((j) => `bad event ${j.path}:${j.line} network_events[${j.event_index}] ${j.operation ?? '-'} ${j.reason}: ${j.detail ?? ''}`),
    ...(t.bad_events > t.rejects.length ? [`… more bad events: splinternet throughput rejects`] : []),
    ...t.failed.map((f) => `network_events not read from ${f.path}: ${f.error ?? ''}`),
  ];
}

function human(r: OpOutput<typeof measurementsIngest>): string {
  const lines = [
    `files: ${r.files.total} (${r.files.ingested} ingested, ${r.files.skipped_unchanged} unchanged since last ingest, ${r.files.read_again ? `${r.files.read_again} read again as an earlier filtered ingest left measurements out, ` : ''}${r.files.skipped_by_path} skipped by path filters, ${r.files.failed} failed)`,
    r.reconciliation,
    `${r.bytes_read} bytes in ${r.elapsed_s} s: ${r.mb_per_s} MB/s, ${r.measurements_per_s} measurements/s, ${r.workers} worker(s); cells refreshed: ${r.cells.cells}`,
    `rules ${r.rules_version}, fingerprints ${r.fingerprints_version}`,
    ...networkEventLines(r.throughput),
  ];
  const json = r.per_file.filter((f) => f.format === 'json').length;
  const yaml = r.per_file.filter((f) => f.format === 'yaml').length;
  if (json) lines.push(`${json} file(s) read as JSON documents or arrays (each measurement is a record; its line is where it starts)`);
  if (yaml) lines.push(`${yaml} file(s) are legacy YAML reports: not supported, one reject each (see below)`);
  for (const f of r.per_file) if (f.ignored) lines.push(`ignored ${f.path}: ${f.ignored}`);
  for (const j of r.rejects.slice(0, 20)) lines.push(`reject ${j.path}:${j.line} @${j.byte_offset} ${j.reason}: ${j.detail}`);
  if (r.rejected > 20) lines.push(`… ${r.rejected - 20} more rejects: splinternet measurements files --rejects`);
  if (r.rejected_kept > 0) {
    const files = new Set(r.rejects_kept.map((j) => j.path)).size;
    lines.push(`${r.rejected_kept} reject(s) kept from the earlier ingest of ${files} unchanged file(s) (read again with --force):`);
    for (const j of r.rejects_kept.slice(0, 20)) lines.push(`reject ${j.path}:${j.line} @${j.byte_offset} ${j.reason}: ${j.detail}`);
    if (r.rejected_kept > 20) lines.push(`… ${r.rejected_kept - 20} more: splinternet measurements files --rejects`);
  }
  return lines.join('\n') + '\n';
}

export function ingestCommand(program: Command, io: Io): void {
  leaf(
    program,
    'ingest',
    'ingest OONI measurements: .jsonl, .jsonl.gz, JSON documents or arrays of measurements (.json, .json.gz), bucket-layout directories (raw/YYYYMMDD/HH/CC/testname/), or - for stdin',
  )
    .argument('<paths...>')
    .option(
      '--workers <n>',
      'threads (default: every core; 0 = in this thread): worker threads, or DuckDB reader threads with --engine duckdb',
      intOption('--workers'),
    )
    .option(
      '--engine <engine>',
      'js (default): every line parsed in JavaScript; duckdb: DuckDB reads each file and JavaScript scores a projection of it (docs/design/020)',
    )
    .option('--since <date>', `only measurements from the start of this date or time (${TIME_BOUND_FORMS}); bucket paths outside are skipped unopened`)
    .option('--until <date>', 'only measurements up to the end of this date or time, inclusive (same forms)')
    .option('--cc <CC>', 'only these probe countries (repeatable or comma-separated)', collect, [] as string[])
    .option('--test-name <name>', 'only these tests, e.g. web_connectivity (repeatable or comma-separated)', collect, [] as string[])
    .option('--force', 're-read files the manifest says are already ingested (their rows come back as duplicates)')
    .option('--max-line-mb <n>', `reject lines longer than this many MB, 1 to ${MAX_LINE_MB} (the default)`, intOption('--max-line-mb', 1, MAX_LINE_MB))
    .action(async (paths: string[], o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      // "-" is standard input, spooled to a file the op can read
      const files: string[] = [];
      for (const p of paths) files.push(p === '-' ? await spoolStdin(ctx.dbPath) : p);
      const tests = parseTestNames('--test-name', o.testName as string[]);
      const r = await ctx.run(measurementsIngest, {
        paths: files,
        workers: o.workers as number | undefined,
        engine: o.engine as 'js' | 'duckdb' | undefined,
        since: o.since as string | undefined,
        until: o.until as string | undefined,
        cc: upper(o.cc as string[]).length ? upper(o.cc as string[]) : undefined,
        test_name: tests.length ? tests : undefined,
        force: o.force === true ? true : undefined,
        max_line_bytes: typeof o.maxLineMb === 'number' ? o.maxLineMb * 1024 * 1024 : undefined,
      });
      if (r.rejected > 0 || r.rejected_kept > 0 || r.files.failed > 0 || r.throughput.bad_events > 0 || r.throughput.files.failed > 0) io.setExit(EXIT.PARTIAL);
      ctx.print(r, human);
    });
}
