/**
 * `splinternet ooni sync`: fetch OONI's public raw measurements (S3 layout
 * raw/YYYYMMDD/HH/CC/testname/*.jsonl.gz) for a window of upload hours into a local folder in
 * the same layout, resumably, and optionally ingest each file as it lands.
 */
import { dirname, join, resolve } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { checkWindow, syncOoni, type SyncReport } from '../../measure/index.js';
import { measurementsIngest } from '../../measure/ops.js';
import { AppError, silentProgress } from '../../shared/index.js';
import { collect, ctxOf, examples, intOption, leaf } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { OONI_BUCKET_URL, s3Bucket } from '../ooni-bucket.js';

const list = (v: string[]) =>
  v
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

/** YYYY-MM-DD or YYYY-MM-DDTHH (or with a space) to the first or last upload hour it covers. */
export function hourOf(flag: string, v: string, end: boolean): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}))?$/.exec(v.trim());
  if (!m)
    throw new AppError('VALIDATION', `${flag} must be YYYY-MM-DD or YYYY-MM-DDTHH (UTC upload hour), got "${v}"`, {
      issues: [{ path: [flag.slice(2)], message: 'not a date' }],
    });
  const hour = `${m[1]}T${m[2] ?? (end ? '23' : '00')}`;
  // a calendar hour: Date.parse would take 2021-02-30 as March 2nd
  const t = Date.parse(`${hour}:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 13) !== hour)
    throw new AppError('VALIDATION', `${flag} is not a calendar date or hour (00-23), got "${v}"`, {
      issues: [{ path: [flag.slice(2)], message: 'not a date' }],
    });
  return hour;
}

function human(r: SyncReport): string {
  const lines = [
    `${r.bucket_url} -> ${r.dest}: ${r.prefixes} prefixes, ${r.list_requests} listing requests`,
    r.reconciliation,
    `bytes: ${r.bytes.downloaded} downloaded (${r.bytes.transferred} transferred), ${r.bytes.unchanged} already complete, ${r.elapsed_s} s`,
  ];
  for (const f of r.failures) lines.push(`failed ${f.key} after ${f.attempts} attempts: ${f.error}`);
  for (const k of r.corrupt) lines.push(`corrupt ${k}: complete as the bucket has it, but not a whole gzip stream (kept, not ingested)`);
  if (r.ingest) {
    lines.push(`ingest: ${r.ingest.reconciliation}`);
    // each rejected line named as ingest names it; the store keeps them all
    for (const j of r.ingest.rejects) lines.push(`reject ${j.path}:${j.line} @${j.byte_offset} ${j.reason}: ${j.detail}`);
    if (r.ingest.rejected > r.ingest.rejects.length) lines.push(`… ${r.ingest.rejected - r.ingest.rejects.length} more rejects: ${r.ingest.rejects_all}`);
    else if (r.ingest.rejected) lines.push(`all kept in the store: ${r.ingest.rejects_all}`);
  }
  return lines.join('\n') + '\n';
}

export function ooniCommand(program: Command, io: Io): void {
  const ooni = program.command('ooni').description("OONI's public data");
  const sync = leaf(ooni, 'sync', 'download OONI raw measurements (S3 layout raw/YYYYMMDD/HH/CC/testname/) for a window of upload hours; resumable')
    .requiredOption('--since <date>', 'first upload day or hour, UTC: YYYY-MM-DD or YYYY-MM-DDTHH')
    .requiredOption('--until <date>', 'last upload day or hour, inclusive')
    .option('--cc <CC>', 'probe countries (repeatable or comma-separated; default: all)', collect, [] as string[])
    .option('--test <name>', 'tests, e.g. web_connectivity (repeatable or comma-separated; default: all)', collect, [] as string[])
    .option('--dest <dir>', 'local folder for the raw/ tree (default: ooni/ next to the database)')
    .option('--ingest', 'ingest each file as it lands (files already ingested are skipped)')
    .option('--bucket-url <url>', `bucket URL (default $SPLINTERNET_OONI_BUCKET_URL or ${OONI_BUCKET_URL}); http://HOST:PORT/BUCKET for local S3 servers`)
    .option('--concurrency <n>', 'downloads at once (default 4)', intOption('--concurrency'))
    .option('--workers <n>', 'ingest threads per batch of landed files (default: every core; 0 = in this thread)', intOption('--workers'))
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const cc = list(o.cc as string[]);
      const concurrency = (o.concurrency as number | undefined) ?? 4;
      if (concurrency < 1 || concurrency > 64)
        throw new AppError('VALIDATION', `--concurrency must be 1..64, got ${concurrency}`, { issues: [{ path: ['concurrency'], message: 'out of range' }] });
      const workers = o.workers as number | undefined;
      if (workers !== undefined && (workers < 0 || workers > 256))
        throw new AppError('VALIDATION', `--workers must be 0..256, got ${workers}`, { issues: [{ path: ['workers'], message: 'out of range' }] });
      const dest = typeof o.dest === 'string' ? resolve(o.dest) : join(ctx.dbPath === ':memory:' ? process.cwd() : dirname(resolve(ctx.dbPath)), 'ooni');
      const url = (o.bucketUrl as string | undefined) ?? io.env.SPLINTERNET_OONI_BUCKET_URL ?? OONI_BUCKET_URL;
      const bucket = s3Bucket(url);
      // checked before any request or store access: dates, countries and test names (exit 2 naming the option)
      const input = {
        ...checkWindow({
          since: hourOf('--since', o.since as string, false),
          until: hourOf('--until', o.until as string, true),
          cc,
          test_name: list(o.test as string[]),
        }),
        dest,
        concurrency,
      };
      // one batch of landed files at a time, on one store handle
      const r =
        o.ingest === true
          ? await ctx.opSession((run) =>
              syncOoni(
                {
                  bucket,
                  progress: ctx.progress(),
                  ingest: (paths) => run(measurementsIngest, { paths, workers }, silentProgress),
                },
                input,
              ),
            )
          : await syncOoni({ bucket, progress: ctx.progress() }, input);
      if (r.files.failed || r.files.corrupt || (r.ingest && (r.ingest.rejected || r.ingest.files.failed))) io.setExit(EXIT.PARTIAL);
      ctx.print(r, human);
    });
  examples(sync, [
    'splinternet ooni sync --since 2021-03-01 --until 2021-03-31 --cc RU --test web_connectivity --ingest',
    'splinternet ooni sync --since 2024-01-01T00 --until 2024-01-01T05 --cc IR,CN --dest ./ooni --json',
  ]);
}
