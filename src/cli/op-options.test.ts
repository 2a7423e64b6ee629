// One operation, one set of inputs: every input key of an op that a CLI command runs, when the op
// is also an HTTP route, has the command's matching option (or argument), so the CLI takes what
// the API takes. The walk finds each command's op by running it with its arguments filled in and
// catching the op it asks for, so a new command or a new input key is covered without a list.
import { Writable } from 'node:stream';
import type { Command } from '@commander-js/extra-typings';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { CliContext, type Io } from './context.js';
import { buildProgram } from './program.js';

type AnyOp = { name: string; input: z.ZodType; http?: { path: string } };
class Caught extends Error {
  constructor(
    readonly op: AnyOp,
    readonly input: Record<string, unknown>,
  ) {
    super('caught');
  }
}

const sink = () => new Writable({ write: (_c, _e, cb: () => void) => cb() });
const io: Io = { out: sink(), err: sink(), env: {}, isTTY: false, setExit: () => undefined };

const leaves = (c: Command<any, any, any>, path: string[] = []): { path: string[]; cmd: Command<any, any, any> }[] =>
  c.commands.length ? c.commands.flatMap((s) => leaves(s, [...path, s.name()])) : [{ path, cmd: c }];

// commands that hold a process (a server, a loop, a cluster) rather than run one op and return
const HELD = new Set(['serve', 'watch', 'clickhouse']);
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<undefined>((r) => setTimeout(() => r(undefined), ms))]);

const kebab = (k: string) => k.replace(/_/g, '-');
// keys a command gives in another form on purpose: the answer's file format is --format on every command
const SAME_EVERYWHERE = new Set(['format', 'cursor']);

describe('a command and its HTTP route take the same inputs', () => {
  const spy = vi.spyOn(CliContext.prototype, 'run').mockImplementation((op: unknown, input: unknown) => {
    throw new Caught(op as AnyOp, (input ?? {}) as Record<string, unknown>);
  });
  afterAll(() => spy.mockRestore());

  it('every input key of the op a command runs is one of its options or arguments', async () => {
    const program = (await buildProgram(io, [])) as unknown as Command<any, any, any>;
    const gaps: string[] = [];
    let walked = 0;
    for (const { path, cmd } of leaves(program)) {
      if (HELD.has(path[0]!)) continue;
      const args = cmd.registeredArguments.map(() => 'x');
      const leafProgram = (await buildProgram(io, path)) as unknown as Command<any, any, any>;
      leafProgram.exitOverride();
      for (const c of leaves(leafProgram)) c.cmd.exitOverride();
      let op: AnyOp | undefined;
      let input: Record<string, unknown> = {};
      try {
        await within(leafProgram.parseAsync([...path, ...args, '--db', '/nonexistent/x.duckdb'], { from: 'user' }), 3000);
      } catch (err) {
        if (err instanceof Caught) ({ op, input } = err);
      }
      if (!op?.http) continue;
      walked++;
      const shape = (op.input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      const options = new Set(cmd.options.map((o) => o.long?.replace(/^--/, '')));
      // an argument stands for the input key its value ("x") went to (registry lookup's <query> is q)
      const argNames = new Set(
        Object.keys(input)
          .filter((k) => input[k] === 'x' || (Array.isArray(input[k]) && (input[k] as unknown[]).includes('x')))
          .map(kebab),
      );
      for (const key of Object.keys(shape))
        if (!SAME_EVERYWHERE.has(key) && !options.has(kebab(key)) && !argNames.has(kebab(key))) gaps.push(`${path.join(' ')} (${op.name}): no --${kebab(key)}`);
    }
    expect(walked).toBeGreaterThan(20);
    expect(gaps).toEqual([]);
  }, 60_000);
});
