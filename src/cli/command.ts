/**
 * Helpers to declare commands uniformly: every leaf command takes the global options
 * (context.ts GLOBAL_OPTIONS: --json, --db), and its
 * action receives a CliContext. Errors propagate to bin.ts, the only place that exits.
 */
import { Command, InvalidArgumentError } from '@commander-js/extra-typings';
import { bindHost } from '../server/bind-host.js';
import { AppError, parseDecimal, parseWhole, WHOLE_RE } from '../shared/index.js';
import { CliContext, GLOBAL_OPTIONS, globalsOf, type Io } from './context.js';
import { escapeControls } from './terminal-text.js';

export function leaf(parent: Command<any, any, any>, name: string, description: string): Command {
  const cmd = parent.command(name).description(description) as Command;
  for (const g of GLOBAL_OPTIONS) cmd.option(g.flags, g.description);
  return cmd;
}

/** The file options of a command whose op has rows (CliContext.output writes them). */
export function rowsOptions(cmd: Command): Command {
  return cmd
    .option('--format <f>', 'csv | ndjson | parquet: the rows as a file instead of the answer, one row each (nested values as JSON text); json: the answer')
    .option('--out <path>', 'write the file here (required for parquet); default stdout')
    .option('--force', 'replace --out FILE if it exists');
}

/**
 * What every command that writes a file (one that declares `--out` beside `--format`) may be
 * asked, checked once for all of them before the command runs (program.ts hooks it on the
 * program), so nothing is read or priced for a refused combination. Without `--out` the file
 * goes to stdout, so Parquet (bytes) is refused, and with `--json` so are CSV and NDJSON:
 * `--json` promises one JSON document on stdout. Both are USAGE (exit 2). `--format json`
 * is the answer itself and goes with `--json`; an unknown format is left to the command.
 */
export function checkFileOptions(cmd: Command<any, any, any>): void {
  if (!cmd.options.some((opt) => opt.long === '--out')) return;
  const o = cmd.opts() as Record<string, unknown>;
  if (typeof o.out === 'string' && o.out !== '') return;
  if (o.format === 'parquet') throw new AppError('USAGE', 'parquet needs --out FILE');
  if (o.json === true && (o.format === 'csv' || o.format === 'ndjson'))
    throw new AppError(
      'USAGE',
      `--json prints one JSON document on stdout, and --format ${o.format} without --out writes the file there: give --out FILE (--json then prints what was written) or leave out --json`,
    );
}

/** A command's options without the global ones (GLOBAL_OPTIONS: --json, --db, --store): what an op's input may be built from. */
export function withoutGlobals(o: Record<string, unknown>): Record<string, unknown> {
  const globals = new Set<string>(GLOBAL_OPTIONS.map((g) => g.key));
  return Object.fromEntries(Object.entries(o).filter(([k]) => !globals.has(k)));
}

/** Build the context from a command's merged options. */
export const ctxOf = (io: Io, opts: Record<string, unknown>) => new CliContext(globalsOf(opts), io);

/** An option's value as a string, or undefined (commander hands options over untyped). */
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Collect a repeatable option into an array. */
export const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Parse an integer option in plain decimals (within [min, max] when given) or fail with a usage error naming the flag. */
export function intOption(flag: string, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    const n = parseWhole(v);
    // digits beyond the safe integers are out of range, named as typed
    if (n === null && WHOLE_RE.test(v)) throw new InvalidArgumentError(`${flag} must be from ${min} to ${max}, got ${v}`);
    if (n === null) throw new InvalidArgumentError(`${flag} must be a whole number, got ${JSON.stringify(v)}`);
    if (n < min || n > max) throw new InvalidArgumentError(`${flag} must be from ${min} to ${max}, got ${v}`);
    return n;
  };
}

/**
 * A page-size option (`--limit`): the number when the text is a plain decimal, else the text as
 * typed. Its bounds are the op's (`check.limit`), so a bad value is refused by the op's schema in
 * the words and code the HTTP route gives (VALIDATION, "limit: must be a whole number from 1 to
 * 1000, got …"), whichever path it took.
 */
export const limitOption = (v: string): number => (parseWhole(v) ?? v) as number;

/** Parse a plain decimal number option (above 0 with `positive`) or fail with a usage error naming the flag. */
export function numberOption(flag: string, positive = false) {
  return (v: string): number => {
    const n = parseDecimal(v);
    if (n === null) throw new InvalidArgumentError(`${flag} must be a number, got ${JSON.stringify(v)}`);
    if (positive && !(n > 0)) throw new InvalidArgumentError(`${flag} must be above 0, got ${n}`);
    return n;
  };
}

/**
 * An interface to bind (`--host`): a host name or an IP address in any form a URL takes; an empty
 * value, or one holding a space, a port or a path, is a usage error naming the flag (an empty
 * `--host "$HOST"` would otherwise bind every interface).
 */
export function hostOption(flag = '--host') {
  return (v: string): string => {
    if (bindHost(v) === null)
      throw new InvalidArgumentError(
        `${flag} must be a host name or an IP address (127.0.0.1, the default; ::1; 0.0.0.0 for every interface), got ${JSON.stringify(v)}`,
      );
    return v;
  };
}

/** A TCP port option: 0 (any free port) to 65535. */
export const portOption = (flag = '--port') => intOption(flag, 0, 65535);

/** A plain table for human output. */
export function table(rows: readonly object[], columns: string[]): string {
  if (rows.length === 0) return '(none)\n';
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return escapeControls(v);
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
    return JSON.stringify(v) ?? '';
  };
  const cells = rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])));
  const widths = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((row) => row[i]!.length))));
  const fmt = (vals: string[]) => vals.map((v, i) => (v.length > widths[i]! ? v.slice(0, widths[i]! - 1) + '…' : v.padEnd(widths[i]!))).join('  ');
  return [fmt(columns), fmt(widths.map((w) => '-'.repeat(w))), ...cells.map(fmt)].join('\n') + '\n';
}

/** Append an "Examples:" block to a command's --help. */
export function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`);
}
