// The lazy command table: each module registers exactly the top-level commands the table says,
// a run naming a command builds that command alone, and anything else builds every command in
// the order --help lists them.
import { Writable } from 'node:stream';
import { Command } from '@commander-js/extra-typings';
import { describe, expect, it } from 'vitest';
import type { Io } from './context.js';
import { COMMAND_MODULES, buildProgram } from './program.js';
import { runCli } from './run.js';

const sink = () => {
  let text = '';
  return { stream: new Writable({ write: (c: Buffer, _e, cb: () => void) => ((text += c.toString()), cb()) }), text: () => text };
};
const io = (): Io & { said: () => string } => {
  const out = sink();
  const err = sink();
  return { out: out.stream, err: err.stream, env: {}, isTTY: false, setExit: () => undefined, said: () => out.text() + err.text() };
};

describe('command modules', () => {
  it('each module registers the commands the table names, and no name is in two', async () => {
    for (const m of COMMAND_MODULES) {
      const p = new Command('x');
      (await m.load())(p, io());
      expect(p.commands.map((c) => c.name()).sort(), m.names.join(',')).toEqual([...m.names].sort());
    }
    const all = COMMAND_MODULES.flatMap((m) => m.names);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a run naming a command builds that module only; no command, help or a typo builds them all', async () => {
    expect((await buildProgram(io(), ['events', 'list'])).commands.map((c) => c.name())).toEqual(['events']);
    expect((await buildProgram(io(), ['watch-status'])).commands.map((c) => c.name())).toEqual(['watch', 'watch-status', 'watch-new', 'hooks']);
    expect((await buildProgram(io(), ['--version'])).commands).toEqual([]);
    const every = COMMAND_MODULES.flatMap((m) => m.names);
    for (const argv of [[], ['--help'], ['help'], ['evnts']]) expect((await buildProgram(io(), argv)).commands.map((c) => c.name())).toEqual(every);
  });

  it('a mistyped command still gets "did you mean" (exit 2), and --help lists every command', async () => {
    const typo = io();
    expect(await runCli(['evnts', 'list'], typo)).toBe(2);
    expect(typo.said()).toMatch(/unknown command 'evnts'[\s\S]*Did you mean events\?/);
    const version = io();
    expect(await runCli(['--version'], version)).toBe(0);
    expect(version.said()).toBe('0.1.0\n');
    const help = io();
    expect(await runCli(['--help'], help)).toBe(0);
    for (const name of COMMAND_MODULES.flatMap((m) => m.names)) expect(help.said()).toContain(`  ${name}`);
  });
});
