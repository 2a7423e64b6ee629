/**
 * `splinternet cost ...` (price a scenario), `cost regions` (the OZI table: every region
 * ranked), `cost event ID` (price a ledger event), `cost methods`. All run as ops, so they
 * work in-process or through a running server. Numbers are passed through as given and
 * validated once, in the cost engine, so messages name the parameter and what is valid.
 */
import type { Command } from '@commander-js/extra-typings';
import type { CompareReport, CostResult, Estimate, EventCostResult, RegionsResult } from '../../cost/index.js';
import { COMPARE_ONGOING_DEFAULT, METHOD_IDS, SCENARIO_TYPES } from '../../cost/index.js';
import { costCompare, costEstimate, costEventOp, costEvents, costMethods, costRegionsOp } from '../../cost/ops.js';
import type { OpInput, OpOutput } from '../../op/index.js';
import { endText } from '../../ledger/index.js';
import { AppError, percentText } from '../../shared/index.js';
import { collect, ctxOf, leaf, table, rowsOptions } from '../command.js';
import type { Io } from '../context.js';
import { writeOutFile } from '../out-file.js';
import { EXIT } from '../exit-codes.js';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });
const money = (x: number | null | undefined, cur: string) => (x === null || x === undefined ? '-' : `${compact.format(x)} ${cur}`);
/** A number option as typed: the op's schema reads it (check.number) and names it when it is not one. */
const num = (v: unknown) => v as string | undefined;
const str = (v: unknown) => v as string | undefined;
const pctOf = (share: number | null) => (share === null ? '' : ` (${percentText(share, 1)} %)`);

/** Flags shared by `cost` and `cost regions`. */
function scenarioFlags(c: Command, regions: boolean): Command {
  c.option('--country <cc>', 'ISO 3166-1 alpha-2, e.g. RU (required)')
    .option('--type <t>', `${SCENARIO_TYPES.join(' | ')} (required)`)
    .option('--platform <name>', 'platform(s) for --type platform/throttling, e.g. Telegram or "Facebook,Instagram"')
    .option('--severity <s>', 'throttling severity in [0,1] (1 = unusable)')
    .option('--isp-share <s>', 'market share of the ISP for --type isp, in (0,1]')
    .option('--platform-weight <w>', 'override the platform weight table, in (0,1]')
    .option('--mobile-share <m>', 'for --type mobile or fixed: the share of the cost of a full shutdown a mobile one takes (fixed: 1 − it), in [0,1]')
    .option('--affected-share <s>', "share of the country's population cut off, in (0,1] (proxy for its share of output)")
    .option('--hours <h>', 'duration in hours')
    .option('--start <t>', 'start: YYYY-MM-DD, YYYY-MM-DDTHH:MM (in --tz) or ISO with offset')
    .option('--end <t>', 'end (a date-only end includes that day)')
    .option('--tz <zone>', 'IANA time zone for local times and year boundaries (default UTC)')
    // `cost regions` ranks by one method; a second one reaches the op, which refuses it by name
    .option(
      '--method <m>',
      regions ? `${METHOD_IDS.join(' | ')} | all (repeatable)` : `${METHOD_IDS.join(' | ')} (one; default ozi-regional for RU, brookings-2016 elsewhere)`,
      collect,
      [] as string[],
    )
    .option('--year <y>', 'data year for every segment')
    .option('--currency <c>', 'RUB | USD | CNY | ... (default: the local currency)')
    .option('--draws <n>', 'Monte Carlo draws (default 2000)')
    .option('--seed <n>', 'random seed (default 1)');
  if (regions) c.option('--region <code>', 'ISO 3166-2 region, e.g. RU-MOW (repeatable)', collect, [] as string[]);
  return c;
}

function wire(o: Record<string, unknown>): OpInput<typeof costEstimate> {
  const methods = o.method as string[];
  // country and type are required: one left out reaches the op's schema, which refuses it by name
  return {
    country: str(o.country) as string,
    region: o.region as string[] | undefined,
    type: str(o.type) as string,
    platform: str(o.platform),
    severity: num(o.severity),
    isp_share: num(o.ispShare),
    platform_weight: num(o.platformWeight),
    mobile_share: num(o.mobileShare),
    affected_share: num(o.affectedShare),
    hours: num(o.hours),
    start: str(o.start),
    end: str(o.end),
    tz: str(o.tz),
    method: methods.length ? methods : undefined,
    year: num(o.year),
    currency: str(o.currency),
    draws: num(o.draws),
    seed: num(o.seed),
  };
}

function estimateLines(e: Estimate): string {
  const usd = e.usd
    ? `${money(e.usd.median, 'USD')} (rate ${e.usd.rate} ${e.usd.rate_unit}, ${e.usd.rate_kind}${e.usd.rate_date ? ` ${e.usd.rate_date}` : ''})`
    : 'no USD rate';
  const lines = [
    `${e.method} ${e.method_version}: median ${money(e.median, e.currency)}, 90% interval ${money(e.low, e.currency)} – ${money(e.high, e.currency)}, point ${money(e.point, e.currency)}`,
    `  USD: ${usd}`,
    `  data years ${e.years.join(', ')}; ${e.inputs.length} inputs (--json lists them with sources)`,
  ];
  if (e.proxy) lines.push(`  ${/^proxy:/.test(e.proxy) ? e.proxy : `proxy: ${e.proxy}`}`);
  for (const n of e.notes) lines.push(`  note: ${n}`);
  if (e.regions.length) {
    const top = [...e.regions].sort((a, b) => b.median - a.median).slice(0, 10);
    lines.push(
      ...table(
        top.map((r) => ({
          region: r.code,
          name: r.name,
          median: money(r.median, e.currency),
          interval: `${money(r.low, e.currency)} – ${money(r.high, e.currency)}`,
        })),
        ['region', 'name', 'median', 'interval'],
      )
        .trimEnd()
        .split('\n')
        .map((l) => `  ${l}`),
    );
    if (e.regions.length > 10) lines.push(`  … ${e.regions.length - 10} more regions (--json)`);
  }
  return lines.join('\n');
}

const resultText = (r: CostResult) =>
  r.estimates.map(estimateLines).join('\n\n') +
  '\n' +
  (r.spread
    ? `\nspread: medians from ${money(r.spread.min_median, r.spread.currency)} to ${money(r.spread.max_median, r.spread.currency)} (×${r.spread.ratio ?? '-'} across ${r.spread.methods} methods)\n`
    : '') +
  r.skipped.map((s) => `skipped ${s.method}: ${s.reason}\n`).join('');

export function costCommand(program: Command, io: Io): void {
  const cost = scenarioFlags(
    leaf(program, 'cost', 'what a shutdown, throttle or block costs: median, 90% interval, point, per method (subcommands: regions, event, methods)'),
    true,
  );
  // `cost` has flags of its own and subcommands with the same flags: options after a
  // subcommand's name belong to the subcommand.
  cost.enablePositionalOptions();
  cost.action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    ctx.print(await ctx.run(costEstimate, wire(o)), resultText);
  });

  scenarioFlags(rowsOptions(leaf(cost, 'regions', 'every region of a country ranked by cost, highest first (the OZI table)')), false).action(
    async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(costRegionsOp, wire(o));
      await ctx.output(costRegionsOp, r, o, (x: RegionsResult) => {
        const rows = x.items.map((i, n) => ({
          rank: n + 1,
          code: i.code,
          name: i.name,
          median: money(i.median, i.currency),
          interval: `${money(i.low, i.currency)} – ${money(i.high, i.currency)}`,
          usd: money(i.usd?.median, 'USD'),
        }));
        return (
          `${x.method} ${x.method_version}, ${x.items.length} regions; total ${money(x.total.median, x.currency)}\n` +
          table(rows, ['rank', 'code', 'name', 'median', 'interval', 'usd']) +
          x.notes.map((n) => `note: ${n}\n`).join('')
        );
      });
    },
  );

  leaf(cost, 'event', 'price a ledger event (shutdown, throttling or block), or say what it is missing')
    .argument('<id>', 'event id, e.g. ru-2018-telegram-block')
    .option('--country <cc>', 'for an event listing several countries')
    .option('--severity <s>', 'throttling severity in [0,1], also for the slowed hours of a "Shutdown, Throttle" record')
    .option('--isp-share <s>', 'ISP market share')
    .option('--platform-weight <w>', 'weight for a platform not in the table')
    .option('--end <t>', 'price an ongoing event up to this date')
    .option('--method <m>', 'method(s)', collect, [] as string[])
    .option('--currency <c>', 'currency of the amounts')
    .option('--draws <n>', 'Monte Carlo draws')
    .option('--seed <n>', 'random seed')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const methods = o.method as string[];
      const r = await ctx.run(costEventOp, {
        id,
        country: str(o.country),
        severity: num(o.severity),
        isp_share: num(o.ispShare),
        platform_weight: num(o.platformWeight),
        end: str(o.end),
        method: methods.length ? methods : undefined,
        currency: str(o.currency),
        draws: num(o.draws),
        seed: num(o.seed),
      });
      if (r.missing.length) io.setExit(EXIT.PARTIAL);
      ctx.print(
        r,
        (x: EventCostResult) =>
          `${x.event.id}: ${x.event.title} (${x.event.category}/${x.event.subtype}, ${x.event.start} → ${endText(x.event)})\n` +
          x.mapping.map((m) => `mapping: ${m}\n`).join('') +
          (x.missing.length ? x.missing.map((m) => `missing ${m.field}: ${m.reason}\n`).join('') : resultText(x as CostResult)),
      );
    });

  costEventsCommand(cost, io);
  costCompareCommand(cost, io);

  rowsOptions(leaf(cost, 'methods', 'the cost methods: formula, parameters, sources, calibration')).action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(costMethods, {});
    await ctx.output(costMethods, r, o, (x: typeof r) =>
      x.items.map((m) => `${m.id} ${m.version}: ${m.title}\n  ${m.formula}\n  types: ${m.types.join(', ')}\n`).join(''),
    );
  });
}

type LedgerCostOut = OpOutput<typeof costEvents>;

/** `cost events`: price every cost-bearing ledger event matching the filters (a table, or a file). */
function costEventsCommand(cost: Command, io: Io): void {
  leaf(cost, 'events', 'price every shutdown, throttling and block event matching the filters; export as csv, json, ndjson or parquet')
    .option('--country <cc>', 'events of this country (ISO 3166-1 alpha-2)')
    .option('--region <code>', 'events touching this ISO 3166-2 region')
    .option('--category <c>', 'shutdown | throttling | block (default: all three)')
    .option('--subtype <s>')
    .option('--from <date>', 'events ending on or after')
    .option('--to <date>', 'events starting on or before')
    .option('-q, --q <text>', 'text search')
    .option('--severity <s>', 'severity in [0,1] for throttling events and the slowed hours of "Shutdown, Throttle" records (the ledger does not record it)')
    .option('--end <t>', 'price ongoing events up to this date')
    .option('--isp-share <s>', "market share in (0,1] of the ISP an ISP's cut or block reached (the ledger does not record it)")
    .option('--platform-weight <w>', 'weight for blocked targets not in the platform table')
    .option('--method <m>', 'method(s)', collect, [] as string[])
    .option('--currency <c>', "currency of the amounts (default: each event's local currency)")
    .option('--draws <n>', 'Monte Carlo draws per estimate (default 2000)')
    .option('--seed <n>', 'random seed')
    .option('--format <f>', 'csv | json | ndjson | parquet: write the rows instead of a summary')
    .option('--out <path>', 'write to a file (required for parquet); default stdout')
    .option('--force', 'replace --out FILE if it exists')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const format = fileFormat(o);
      const methods = o.method as string[];
      const input = {
        country: str(o.country),
        region: str(o.region),
        category: o.category as 'block' | undefined,
        subtype: str(o.subtype),
        from: str(o.from),
        to: str(o.to),
        q: str(o.q),
        severity: num(o.severity),
        end: str(o.end),
        isp_share: num(o.ispShare),
        platform_weight: num(o.platformWeight),
        method: methods.length ? methods : undefined,
        currency: str(o.currency),
        draws: num(o.draws),
        seed: num(o.seed),
        format: format as 'csv' | undefined,
      };
      const r = await ctx.run(costEvents, input);
      if (r.events_not_priced > 0) io.setExit(EXIT.PARTIAL);
      const counts = `${r.events_read} events read: ${r.events_priced} priced (${r.estimates} estimates), ${r.events_not_priced} not priced${
        r.events_not_priced
          ? ` (missing ${Object.entries(r.missing_by_field)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')})`
          : ''
      }${r.events_outside_window ? `, ${r.events_outside_window} left out: ongoing in the ledger but priced wholly outside --from/--to (outside_window in --json)` : ''}`;
      if (format && 'body' in r) {
        const { events_read, events_priced, events_not_priced, events_outside_window, outside_window, estimates, missing_by_field } = r;
        await writeFileAnswer(io, ctx.globals.json, o, r, counts, {
          format,
          rows: r.rows,
          events_read,
          events_priced,
          events_not_priced,
          events_outside_window,
          outside_window,
          estimates,
          missing_by_field,
        });
        return;
      }
      ctx.print(r, (x: LedgerCostOut) => {
        const rows = ('items' in x ? x.items : [])
          .filter((i) => i.median !== null)
          .map((i) => ({
            event: i.event_id,
            method: i.method,
            median: money(i.median as number, String(i.currency)),
            usd: money(i.usd_median as number | null, 'USD'),
            start: i.start,
            end: i.end,
          }));
        return table(rows, ['event', 'method', 'median', 'usd', 'start', 'end']) + counts + '\n';
      });
    });
}

/** The file flags of `cost events` and `cost compare`, checked before any pricing: `--out` needs a format (the rest is command.ts checkFileOptions). */
function fileFormat(o: Record<string, unknown>): string | undefined {
  const format = o.format as string | undefined;
  if (o.out && !format) throw new AppError('USAGE', '--out needs --format csv|json|ndjson|parquet');
  return format;
}

/**
 * A priced answer that is a file (its body utf8 or base64): to stdout with `counts` on stderr, or
 * atomically to --out, then `counts` on stderr or, with --json, `said` as one JSON line.
 */
async function writeFileAnswer(
  io: Io,
  json: boolean | undefined,
  o: Record<string, unknown>,
  r: { body: string; encoding: 'utf8' | 'base64'; rows?: number },
  counts: string,
  said: Record<string, unknown>,
): Promise<void> {
  const bytes = Buffer.from(r.body, r.encoding);
  if (!o.out) {
    io.out.write(bytes);
    io.err.write(`${counts}\n`);
    return;
  }
  await writeOutFile(o.out as string, bytes, { force: o.force === true });
  if (json) io.out.write(JSON.stringify({ file: o.out, ...said }) + '\n');
  else io.err.write(`wrote ${r.rows ?? 0} rows to ${o.out as string}; ${counts}\n`);
}

const ratioText = (r: number | null) => (r === null ? '-' : r >= 1 ? `×${r.toPrecision(3)}` : `×1/${(1 / r).toPrecision(3)}`);

/** `cost compare top10vpn`: our yearly totals beside Top10VPN's, country by country. */
function costCompareCommand(cost: Command, io: Io): void {
  leaf(cost, 'compare', "our yearly cost per country (each method) beside Top10VPN's: ratio, hours, users affected, events, cause")
    .argument('<source>', 'top10vpn')
    .option('--country <cc>', 'one country (ISO 3166-1 alpha-2)')
    .option('--end <t>', `price every event marked ongoing up to this date (default: ${COMPARE_ONGOING_DEFAULT})`)
    .option('--severity <s>', 'severity in [0,1] for throttling events and the slowed hours of "Shutdown, Throttle" records (default 1)')
    .option('--draws <n>', 'Monte Carlo draws')
    .option('--seed <n>', 'random seed (default 1)')
    .option('--format <f>', 'csv | json | ndjson | parquet: write the rows instead of the table (csv and parquet: one flat row per country-year)')
    .option('--out <path>', 'write to a file (required for parquet); default stdout')
    .option('--force', 'replace --out FILE if it exists')
    .action(async (source: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const format = fileFormat(o);
      // the op refuses a source it does not compare with, in the route's words
      const r = await ctx.run(costCompare, {
        source: source as 'top10vpn',
        country: str(o.country),
        end: str(o.end),
        severity: num(o.severity),
        draws: num(o.draws),
        seed: num(o.seed),
        format: format as 'csv' | undefined,
      });
      if ('body' in r) {
        const s = r.summary;
        const counts = `${r.method}: ${s.both} country-years both have; within 3×: ${s.within_3x}${pctOf(s.share_within_3x)}, within 10×: ${s.within_10x}${pctOf(s.share_within_10x)}`;
        await writeFileAnswer(io, ctx.globals.json, o, r, counts, { format: r.format, rows: r.rows, method: r.method, summary: r.summary });
        return;
      }
      ctx.print(r, (x: CompareReport) => {
        // Our total by each method that priced something (the compared one first), and users beside hours.
        const methods = [...new Set([x.method, ...x.rows.flatMap((w) => Object.keys(w.ours))])];
        const label = (m: string) => (m === x.method ? `ours (${m})` : m);
        const millions = (n: number | null) => (n === null ? '-' : (n / 1e6).toFixed(1));
        const rows = x.rows.map((w) => ({
          country: w.country,
          year: w.year,
          ...Object.fromEntries(methods.map((m) => [label(m), money(w.ours[m], 'USD')])),
          theirs: money(w.theirs, 'USD'),
          ratio: ratioText(w.ratio),
          'hours ours/theirs': `${Math.round(w.our_hours)}/${w.their_hours ?? '-'}`,
          'users M ours/theirs': `${millions(w.our_users)}/${millions(w.their_users)}`,
          events: w.events.length,
          cause: w.cause ?? '',
        }));
        const s = x.summary;
        return (
          table(rows, ['country', 'year', ...methods.map(label), 'theirs', 'ratio', 'hours ours/theirs', 'users M ours/theirs', 'events', 'cause']) +
          `${x.method}: ${s.both} country-years both have; within 3×: ${s.within_3x}${pctOf(s.share_within_3x)}, within 10×: ${s.within_10x}${pctOf(s.share_within_10x)}; ours only ${s.ours_only}, theirs only ${s.theirs_only}\n` +
          x.notes.map((n) => `note: ${n}\n`).join('')
        );
      });
    });
}
