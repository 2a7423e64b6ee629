#!/usr/bin/env node
/**
 * The `splinternet` executable: the only place that exits the process. It waits for stdout
 * and stderr to drain first: a piped `--json` document must never be cut short.
 */
import { processIo } from './context.js';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
let pending = 2;
const done = () => {
  if (--pending === 0) process.exit(code);
};
process.stdout.write('', done);
process.stderr.write('', done);
