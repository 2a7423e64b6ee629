// Number options read plain decimals only: an empty value, hex, "Infinity" or "NaN" is a usage
// error naming the flag, never 0 or 16. Whole-number options read digits only (a leading minus at
// most): a plus, an exponent, a decimal point or a blank around them is refused as not a whole number.
// Every command that writes a file (found by walking the whole program) refuses a file on stdout
// with --json, and Parquet on stdout, before it reads anything.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import { checkFileOptions, intOption, leaf, limitOption, numberOption, rowsOptions } from './command.js';
import { buildProgram } from './program.js';
import { runCli } from './run.js';

describe('number options', () => {
  it('refuse what is not a plain decimal, naming the flag and the value', () => {
    for (const v of ['', ' ', '0x10', '0o7', 'Infinity', 'NaN', '1e', '1e2', '1e3', ' 5', '5 ', '2.0', '2.5', '.5'])
      expect(() => intOption('--top')(v), v).toThrow(`--top must be a whole number, got ${JSON.stringify(v)}`);
    for (const v of ['', '0x10', 'Infinity', 'NaN'])
      expect(() => numberOption('--threshold')(v), v).toThrow(`--threshold must be a number, got ${JSON.stringify(v)}`);
  });

  it('a page size is read as a whole number or left as typed, for the op to refuse in its own words', () => {
    expect(limitOption('25')).toBe(25);
    for (const v of ['1e2', ' 5', '2.0']) expect(limitOption(v), v).toBe(v);
  });

  it('read signs, decimal points and exponents', () => {
    expect(intOption('--limit')('1000')).toBe(1000);
    expect(() => intOption('--year')('+2020')).toThrow('--year must be a whole number, got "+2020"');
    expect(numberOption('--threshold')('+2020')).toBe(2020);
    expect(intOption('--seed')('-3')).toBe(-3);
    expect(numberOption('--threshold')('.5')).toBe(0.5);
    expect(numberOption('--threshold')('-2.5e-1')).toBe(-0.25);
  });
});

describe("a command's own options", () => {
  it('leave out every global option, so an op never receives --json, --db or --store as an input field', async () => {
    const { GLOBAL_OPTIONS } = await import('./context.js');
    const { withoutGlobals } = await import('./command.js');
    const o = { ...Object.fromEntries(GLOBAL_OPTIONS.map((g) => [g.key, 'x'])), country: 'RU', limit: 5 };
    expect(withoutGlobals(o)).toEqual({ country: 'RU', limit: 5 });
  });
});

describe('the file options of every command that writes a file', () => {
  const sink = () => {
    let text = '';
    return { stream: new Writable({ write: (c: Buffer, _e, cb: () => void) => ((text += c.toString()), cb()) }), text: () => text };
  };
  const run = async (argv: string[]) => {
    const out = sink();
    const err = sink();
    const code = await runCli(argv, { out: out.stream, err: err.stream, env: {}, isTTY: false });
    return { code, out: out.text(), err: err.text() };
  };
  /** Every leaf command declaring --out beside --format, with a placeholder for each required argument. */
  const fileCommands = async (): Promise<string[][]> => {
    const found: string[][] = [];
    const walk = (c: Command<any, any, any>, path: string[]) => {
      if (c.commands.length === 0 && ['--format', '--out'].every((f) => c.options.some((opt) => opt.long === f)))
        found.push([...path, ...c.registeredArguments.filter((a) => a.required).map(() => 'x')]);
      for (const sub of c.commands) walk(sub, [...path, sub.name()]);
    };
    walk(await buildProgram({ out: sink().stream, err: sink().stream, env: {}, isTTY: false, setExit: () => undefined }), []);
    return found;
  };

  it('with --json and no --out, CSV and NDJSON are refused (exit 2) naming both options, before anything is read', async () => {
    const commands = await fileCommands();
    const names = commands.map((c) => c.filter((w) => w !== 'x').join(' '));
    // every op whose answer is a list (Op.rows) and every op that writes a file (an output format) has its command here
    const { ALL_OPS } = await import('../server/ops/index.js');
    const fileOps = ALL_OPS.filter((op) => op.rows || (op.name !== 'events.import' && 'format' in (op.input as { shape: object }).shape));
    const commandOf = (op: string) => (op === 'detect.run' || op === 'detections.list' ? 'detect' : op.replace('.', ' '));
    expect(fileOps.length).toBeGreaterThanOrEqual(33);
    for (const op of fileOps) expect(names, op.name).toContain(commandOf(op.name));
    const dir = mkdtempSync(join(tmpdir(), 'file-options-'));
    const db = join(dir, 'none.duckdb');
    for (const argv of commands) {
      for (const format of ['csv', 'ndjson']) {
        const r = await run([...argv, '--format', format, '--json', '--db', db]);
        expect([r.code, JSON.parse(r.out).error], argv.join(' ')).toEqual([
          2,
          {
            code: 'USAGE',
            message: `--json prints one JSON document on stdout, and --format ${format} without --out writes the file there: give --out FILE (--json then prints what was written) or leave out --json`,
            errors: [],
          },
        ]);
      }
      const pq = await run([...argv, '--format', 'parquet', '--db', db]);
      expect([pq.code, pq.err], argv.join(' ')).toEqual([2, 'error: parquet needs --out FILE\n']);
    }
    // refused before the command ran: the database it names was never opened or created
    expect(existsSync(db)).toBe(false);
  });

  it('SYNTHETIC: --format json goes with --json, --out with either, and a file on stdout without --json', async () => {
    const ran: string[] = [];
    const program = new Command('t').exitOverride().hook('preAction', (_p, a) => checkFileOptions(a));
    rowsOptions(leaf(program, 'list', 'a list')).action((o: Record<string, unknown>) => void ran.push(`${String(o.format)} ${String(o.out)}`));
    for (const argv of [
      ['--format', 'json', '--json'],
      ['--format', 'csv', '--out', 'f.csv', '--json'],
      ['--format', 'parquet', '--out', 'f.parquet', '--json'],
      ['--format', 'ndjson'],
      ['--format', 'xml', '--json'],
    ])
      await program.parseAsync(['list', ...argv], { from: 'user' });
    expect(ran).toEqual(['json undefined', 'csv f.csv', 'parquet f.parquet', 'ndjson undefined', 'xml undefined']);
    await expect(program.parseAsync(['list', '--format', 'csv', '--out', '', '--json'], { from: 'user' })).rejects.toThrow('--json prints one JSON document');
  });
});
