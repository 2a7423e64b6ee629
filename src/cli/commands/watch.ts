/**
 * `splinternet watch`: the long-lived job. Holds the database like `serve` (so feeds, the API
 * and every CLI command keep working through it), runs a cycle every --every, pumps webhook
 * deliveries beside the cycles, logs one line per cycle, and exits cleanly on SIGTERM.
 * `splinternet hooks ...`: webhook subscriptions, deliveries, dead letters.
 */
import type { Command } from '@commander-js/extra-typings';
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { resolveParams } from '../../detect/index.js';
import { parseTestNames } from '../../measure/index.js';
import { measurementsIngest } from '../../measure/ops.js';
import { check, executeOp } from '../../op/index.js';
import { AppError, fileError, localGrant, silentProgress, systemClock } from '../../shared/index.js';
import type { HookSubscriptionRecord, Store } from '../../store/index.js';
import {
  cycleLine,
  hooksAdd,
  hooksDeliver,
  hooksDeliveries,
  hooksList,
  hooksRemove,
  hooksReplay,
  hooksRotateKey,
  httpSender,
  startWatch,
  watchNewOp,
  watchOnce,
  watchStatusOp,
  type OoniWatchOptions,
  type OoniCountOptions,
  DEFAULT_OONI_COUNTS,
} from '../../watch/index.js';
import { collect, ctxOf, examples, hostOption, intOption, limitOption, leaf, portOption, table, rowsOptions } from '../command.js';
import type { CliContext, Io } from '../context.js';
import { OONI_BUCKET_URL, s3Bucket } from '../ooni-bucket.js';
import { parseParams } from './detect.js';
import { hourOf } from './ooni.js';
import { EXIT } from '../exit-codes.js';
import { escapeControls, fields } from '../terminal-text.js';
import { withFlagNames } from '../flag-errors.js';

/** The longest --every: a watch that cycles less than once a year is not watching. */
export const MAX_EVERY_MS = 366 * 24 * 3_600_000;

/** "15m", "5s", "2h" -> milliseconds, from 1s to MAX_EVERY_MS (366 days = 8784h); the unit is required (a bare "15" is refused). */
export function parseEvery(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(v.trim());
  if (!m) throw new AppError('USAGE', `--every must look like 5s, 15m or 1h, got "${v}"`);
  const n = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  if (n < 1000) throw new AppError('USAGE', '--every must be at least 1s');
  if (n > MAX_EVERY_MS) throw new AppError('USAGE', `--every must be at most 8784h (366 days), got "${v}"`);
  return n;
}

const ccList = (xs: string[]) =>
  xs
    .flatMap((x) => x.split(','))
    .map((c) => {
      const problem = check.countryProblem(c, true);
      if (problem) throw new AppError('USAGE', `--cc: ${problem}`, { issues: [{ path: ['cc'], message: problem }] });
      return c.trim().toUpperCase();
    });

/**
 * The OONI step's effects from the --ooni-* options (null without --ooni-sync): the bucket, and
 * ingest as the measurements.ingest operation on the watch's own store handle, in its thread.
 */
function ooniOptions(ctx: CliContext, io: Io, o: Record<string, unknown>, actor: string): ((store: Store) => OoniWatchOptions) | null {
  if (o.ooniSync === undefined) {
    // An --ooni-* option without --ooni-sync would be ignored: refuse it rather than watch without what was asked.
    const given = [
      ['--ooni-since', o.ooniSince !== undefined],
      ['--ooni-dest', o.ooniDest !== undefined],
      ['--ooni-test', (o.ooniTest as string[]).length > 0],
    ].filter(([, g]) => g);
    if (given.length)
      throw new AppError('USAGE', `${given.map(([n]) => n).join(', ')} only apply with --ooni-sync (add --ooni-sync to sync OONI data each cycle)`);
    return null;
  }
  const url = typeof o.ooniSync === 'string' ? o.ooniSync : (io.env.SPLINTERNET_OONI_BUCKET_URL ?? OONI_BUCKET_URL);
  const overlap = o.ooniOverlap as number;
  const maxHours = o.ooniMaxHours as number;
  if (overlap < 0 || overlap > 72) throw new AppError('USAGE', `--ooni-overlap must be 0..72 hours, got ${overlap}`);
  if (maxHours <= overlap + 1 || maxHours > 24 * 31)
    throw new AppError('USAGE', `--ooni-max-hours must be more than --ooni-overlap + 1 and at most 744, got ${maxHours}`);
  const bucket = s3Bucket(url);
  const dest = typeof o.ooniDest === 'string' ? resolve(o.ooniDest) : join(ctx.dbPath === ':memory:' ? process.cwd() : dirname(resolve(ctx.dbPath)), 'ooni');
  const firstSince = typeof o.ooniSince === 'string' ? hourOf('--ooni-since', o.ooniSince, false) : null;
  const tests = parseTestNames('--ooni-test', o.ooniTest as string[]);
  return (store) => ({
    bucket,
    dest,
    tests,
    firstSince,
    overlapHours: overlap,
    maxHours,
    ingest: (paths) =>
      executeOp({ store, clock: systemClock, progress: silentProgress, actor, grant: localGrant(actor), dbPath: ctx.dbPath }, measurementsIngest, {
        paths,
        workers: 0,
      }),
  });
}

/**
 * A folder option, checked before the first cycle: a path that is not there or is a file is
 * exit 1 naming the option and the path. `made`: a missing folder is fine (the step creates it).
 */
function checkFolder(flag: string, path: string, made: boolean): void {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    if (made && (e as { code?: unknown }).code === 'ENOENT') return;
    const err = fileError(path, e, flag);
    throw new AppError('INGEST_IO', `${flag}: ${err.message}`, { cause: e, issues: [{ path: [flag], message: err.message }] });
  }
  if (!isDir) throw new AppError('INGEST_IO', `${flag}: ${path} is a file, not a folder`, { issues: [{ path: [flag], message: 'not a folder' }] });
}

/** --ooni-counts: the bin of the OONI count signal (day, hour) or off. */
function ooniCountOptions(v: string, syncing: boolean): OoniCountOptions | null {
  if (v !== 'day' && v !== 'hour' && v !== 'off') throw new AppError('USAGE', `--ooni-counts must be day, hour or off, got "${v}"`);
  if (!syncing || v === 'off') return null;
  return { ...DEFAULT_OONI_COUNTS, bin: v };
}

export function watchCommand(program: Command, io: Io): void {
  const w = leaf(
    program,
    'watch',
    'watch for outages: every --every, ingest new signal files, detect, emit drafts, notify webhooks; feeds and API served meanwhile',
  )
    .option('--every <duration>', 'cycle period (5s, 15m, 1h)', '15m')
    .option('--cc <cc>', 'countries to detect in (repeatable or comma-separated; default: all with signals)', collect, [] as string[])
    .option('--signals-dir <dir>', 'folder where signal files (CSV/JSON) are dropped; each is imported once')
    .option('--host <host>', 'interface to bind: a host name or IP address (0.0.0.0: every interface)', hostOption(), '127.0.0.1')
    .option('--port <port>', 'TCP port for feeds, API and dashboard', portOption(), 8787)
    .option('--allow-host <name>', 'a Host name this server answers to besides loopback and --host (repeatable)', collect, [] as string[])
    .option('--params <json>', 'detector parameter overrides as for detect, e.g. \'{"outage":{"bySource":{"darknet":{"dropRatio":0.25}}}}\'')
    .option('--once', 'run one cycle and one delivery pass, print its summary and exit (3 when an input or step failed); no server')
    .option(
      '--ooni-sync [bucket-url]',
      `each cycle, sync OONI raw data for --cc since where the last sync got to and ingest it (bucket as for ooni sync: default $SPLINTERNET_OONI_BUCKET_URL or ${OONI_BUCKET_URL})`,
    )
    .option('--ooni-test <name>', 'OONI tests to sync, e.g. web_connectivity (repeatable or comma-separated; default: all)', collect, [] as string[])
    .option('--ooni-since <date>', 'first upload day or hour to sync when the watch has synced nothing yet (default: 24 h before the first cycle)')
    .option('--ooni-dest <dir>', 'local folder for the raw/ tree (default: ooni/ next to the database)')
    .option('--ooni-overlap <hours>', 'upload hours before the last synced one listed again each cycle (late uploads)', intOption('--ooni-overlap'), 2)
    .option(
      '--ooni-max-hours <hours>',
      'at most this many upload hours per cycle (a watch that was down catches up window by window)',
      intOption('--ooni-max-hours'),
      24,
    )
    .option(
      '--ooni-counts <bin>',
      'after each OONI sync, write measurement counts per network as the ooni_measurements outage signal, per day or hour (off: not)',
      'day',
    )
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const everyMs = parseEvery(o.every as string);
      const cc = ccList(o.cc as string[]);
      const signalsDir = (o.signalsDir as string | undefined) ?? null;
      if (signalsDir !== null) checkFolder('--signals-dir', signalsDir, false);
      // the OONI step creates its folder; a file in its place is refused now, not in every cycle
      if (typeof o.ooniDest === 'string') checkFolder('--ooni-dest', o.ooniDest, true);
      const actor = `watch:${userInfo().username}`;
      const ooni = ooniOptions(ctx, io, o, actor);
      const ooniCounts = ooniCountOptions(o.ooniCounts as string, Boolean(ooni));
      const params = parseParams(o.params);
      resolveParams(params); // a bad override fails now, not in every cycle
      if (o.once) {
        const r = await ctx.withStore((store) =>
          watchOnce(
            { store, clock: systemClock, actor, send: httpSender, log: (line) => io.err.write(line + '\n') },
            { everyMs, cc, signalsDir, settleMs: 1000, origin: null, ooni: ooni?.(store) ?? null, ooniCounts, params },
          ),
        );
        if (r.cycle.errors.length || r.cycle.inputs_failed) io.setExit(EXIT.PARTIAL);
        ctx.print(
          r,
          (x: typeof r) =>
            `${cycleLine(x.cycle)}\nwebhooks: ${x.deliveries.delivered} delivered, ${x.deliveries.retrying} to retry, ${x.deliveries.dead} dead-lettered\n`,
        );
        return;
      }
      // The server is loaded only when the watch serves its feeds.
      const { hostDatabase } = await import('../host.js');
      await hostDatabase(
        ctx,
        io,
        { host: o.host as string, port: o.port as number, importDirs: [], allowHosts: o.allowHost as string[] },
        async ({ store, url }) => {
          const log = (line: string, data: Record<string, unknown>) =>
            io.out.write((ctx.globals.json ? JSON.stringify(data) : escapeControls(line, { keepLines: true })) + '\n');
          log(
            `${new Date().toISOString()} watch: every ${o.every as string}, ${cc.length ? cc.join(',') : 'all countries'}, signals from ${(o.signalsDir as string | undefined) ?? '(no folder)'}; feeds at ${url}/feeds/events.atom`,
            { url, every_ms: everyMs, cc, signals_dir: o.signalsDir ?? null, pid: process.pid },
          );
          return startWatch(
            { store, clock: systemClock, actor, send: httpSender, log },
            { everyMs, cc, signalsDir, settleMs: 1000, origin: url, ooni: ooni?.(store) ?? null, ooniCounts, params },
          );
        },
      );
    });
  examples(w, [
    'splinternet watch --every 15m --cc IR --signals-dir ./incoming',
    'splinternet watch --once --signals-dir ./incoming --json',
    'splinternet watch --every 5s --signals-dir /tmp/signals --port 8790',
  ]);

  leaf(program, 'watch-status', 'the watch: last cycle, next cycle, inputs seen, deliveries by state').action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(watchStatusOp, {});
    ctx.print(r, (x: typeof r) => {
      // The last cycle's errors, one a line: what a failed or partial cycle could not do.
      const errors = x.last_cycle?.summary?.errors ?? [];
      const errs = errors.length ? `errors of the last cycle (${errors.length}):\n${errors.map((e) => `  ${e}`).join('\n')}\n` : '';
      // files in the watched folder it did not read, and ends a person must set: named, never silent
      const list = (title: string, l: string[] | undefined) => (l?.length ? `${title} (${l.length}):\n${l.map((e) => `  ${e}`).join('\n')}\n` : '');
      const notes =
        list('not read in the watched folder', x.last_cycle?.summary?.skipped_files) + list('end not applied', x.last_cycle?.summary?.ends_not_applied);
      const watch = x.watch
        ? `watch: running (pid ${x.watch.pid} on ${x.watch.host}, every ${x.watch.every_ms / 1000}s, since ${x.watch.started_at})${x.cycle_running ? ', a cycle in progress' : ''}`
        : 'watch: not running';
      return `last cycle: ${x.last_cycle ? `${x.last_cycle.id} (${x.last_cycle.status})` : 'none'}\n${errs}${notes}${watch}\nnext cycle: ${x.next_cycle ?? '- (no watch running)'}\ninputs seen: ${x.inputs_seen}\ndeliveries: ${JSON.stringify(x.deliveries)}\n`;
    });
  });

  const news = leaf(program, 'watch-new', 'confirmed events and draft detections written since an instant (the dashboard\'s "new since your last visit")')
    .option('--since <instant>', 'ISO 8601 instant, e.g. the watermark of the previous answer (default: the latest --limit of each)')
    .option('--limit <n>', 'at most this many of each list (1..500)', limitOption, 20)
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(watchNewOp, { since: o.since as string | undefined, limit: o.limit as number });
      ctx.print(r, (x: typeof r) => {
        const rows = (l: typeof x.events) => l.items.map((i) => fields`  ${i.updated_at}  ${i.action.padEnd(8)} ${i.id}  ${i.title}`).join('\n');
        return `since ${x.since ?? '(first look)'}: ${x.events.total} confirmed event(s), ${x.drafts.total} draft detection(s); next time --since ${x.watermark ?? '-'}\nconfirmed events:\n${rows(x.events)}\ndraft detections:\n${rows(x.drafts)}\n`;
      });
    });
  examples(news, ['splinternet watch-new --json', 'splinternet watch-new --since 2026-01-01T00:00:00Z --limit 50']);

  const hooks = program.command('hooks').description('webhooks: signed notices of new drafts and confirmed events (admin only)');
  const add = leaf(hooks, 'add', 'register a webhook URL; prints its signing secret once');
  examples(add, ['splinternet hooks add https://example.org/hook --cc RU --kind shutdown']);
  add
    .argument('<url>')
    .option('--cc <cc>', 'only events in these countries (repeatable or comma-separated)', collect, [] as string[])
    .option('--kind <kind>', 'only these ledger categories or detector kinds, e.g. shutdown, outage (repeatable)', collect, [] as string[])
    .option('--notice <n>', 'draft | confirmed (repeatable; default both)', collect, [] as string[])
    .action(async (url: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const input = {
        url,
        countries: ccList(o.cc as string[]),
        kinds: (o.kind as string[]).flatMap((k) => k.split(',')),
        notices: o.notice as ('draft' | 'confirmed')[],
      };
      // refusals name the options given, never the op's keys (countries[0], notices[0])
      const r = await withFlagNames({ countries: '--cc', kinds: '--kind', notices: '--notice' }, input, () => ctx.run(hooksAdd, input));
      ctx.print(
        r,
        (x: HookSubscriptionRecord) =>
          fields`${x.id} -> ${x.url}` +
          `\n  countries: ${x.countries.join(',') || 'any'}; kinds: ${x.kinds.join(',') || 'any'}; notices: ${x.notices.join(',')}\n  secret (shown once; verify X-Splinternet-Signature with it): ${x.secret}\n`,
      );
    });
  rowsOptions(leaf(hooks, 'list', 'webhook subscriptions (never their secrets: secret_sha256 is a fingerprint)'))
    .option('--all', 'include removed ones')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(hooksList, { all: Boolean(o.all) });
      await ctx.output(hooksList, r, o, (x: typeof r) => {
        const problems = x.items.filter((i) => i.secret_problem).map((i) => `${i.id}: ${i.secret_problem}\n`);
        return table(x.items, ['id', 'url', 'countries', 'kinds', 'notices', 'secret_sha256', 'created_at', 'removed_at']) + problems.join('');
      });
    });
  const rotate = leaf(hooks, 'rotate-key', 'seal every webhook secret under a new key in <db>.key (the secrets receivers hold do not change)');
  examples(rotate, ['splinternet hooks rotate-key --json']);
  rotate.action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(hooksRotateKey, {});
    // secrets left sealed under a key the file no longer holds: partial (exit 3), as --json says
    if (r.unreadable.length) io.setExit(3);
    ctx.print(
      r,
      (x: { key_id: string; key_file: string | null; resealed: number; unreadable: string[] }) =>
        `${x.resealed} secret(s) sealed under key ${x.key_id} (${x.key_file ?? 'memory'})\n` +
        (x.unreadable.length ? `could not be opened, left as they were (remove and add them again): ${x.unreadable.join(', ')}\n` : ''),
    );
  });
  leaf(hooks, 'remove', 'remove a webhook subscription')
    .argument('<id>')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      ctx.print(await ctx.run(hooksRemove, { id }), (x: { removed: string }) => `removed ${x.removed}\n`);
    });
  rowsOptions(leaf(hooks, 'deliveries', 'deliveries, newest first (--status dead: the dead-letter list)'))
    .option('--status <s>', 'pending | delivered | dead')
    .option('--limit <n>', 'at most this many', limitOption, 100)
    .option('--cursor <c>', "the next page: the previous page's next_cursor")
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(hooksDeliveries, {
        status: o.status as 'pending' | 'delivered' | 'dead' | undefined,
        limit: o.limit as number,
        cursor: o.cursor as string | undefined,
      });
      await ctx.output(
        hooksDeliveries,
        r,
        o,
        (x: typeof r) =>
          table(x.items, ['id', 'subscription_id', 'event_id', 'notice', 'status', 'attempts', 'next_at', 'last_status', 'last_error']) +
          `${x.items.length} of ${x.total}${x.next_cursor ? ` · next: --cursor ${x.next_cursor}` : ''}\n`,
      );
    });
  leaf(hooks, 'replay', 'put dead-lettered deliveries back in the queue (one id, or --all)')
    .argument('[id]')
    .option('--all', 'every dead delivery')
    .action(async (id: string | undefined, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(hooksReplay, { id, all: o.all === true });
      ctx.print(r, (x: typeof r) => `${x.replayed.length} delivery(ies) queued again\n` + x.skipped.map((k) => `${k.id} left dead: ${k.reason}\n`).join(''));
    });
  leaf(hooks, 'deliver', 'queue notices for new drafts and confirmed events and send what is due now (the watch does this by itself)').action(
    async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(hooksDeliver, {});
      // a delivery that failed this pass (to retry, or dead-lettered) makes the run partial (exit 3)
      if (r.retrying + r.dead > 0) io.setExit(3);
      ctx.print(r, (x: Record<string, number>) => `${x.enqueued} queued; ${x.delivered} delivered, ${x.retrying} to retry, ${x.dead} dead-lettered\n`);
    },
  );
}
