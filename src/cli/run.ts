/**
 * Run the CLI with an Io and return the exit code: 0 ok, 1 error, 2 usage, 3 partial.
 * Tests call this directly; bin.ts calls it and exits.
 */
import { CommanderError } from 'commander';
import { isAppError } from '../shared/index.js';
import type { Io } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { buildProgram } from './program.js';
import { escapeControls } from './terminal-text.js';

export async function runCli(argv: string[], baseIo: Omit<Io, 'setExit'>): Promise<number> {
  let exit: number = EXIT.OK;
  const io: Io = {
    ...baseIo,
    setExit: (c) => {
      exit = Math.max(exit, c);
    },
  };
  const program = await buildProgram(io, argv);
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.OK;
      // commander has written its message to stderr; with --json the error is on stdout as for every other error
      if (json) io.out.write(JSON.stringify({ error: { code: 'USAGE', message: e.message.replace(/^error: /, ''), errors: [] } }, null, 2) + '\n');
      return EXIT.USAGE;
    }
    if (isAppError(e)) {
      if (json)
        io.out.write(
          JSON.stringify(
            { error: { code: e.code, message: e.message, errors: e.issues.map((i) => ({ path: i.path.join('.'), message: i.message })), ...e.details } },
            null,
            2,
          ) + '\n',
        );
      io.err.write(`error: ${escapeControls(e.message, { keepLines: true })}\n`);
      return exitCodeFor(e.code);
    }
    // a fault of ours: still a JSON error on stdout with --json, the stack on stderr
    if (json)
      io.out.write(
        JSON.stringify({ error: { code: 'INTERNAL', message: `internal error: ${e instanceof Error ? e.message : String(e)}`, errors: [] } }, null, 2) + '\n',
      );
    io.err.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.ERROR;
  }
}
