#!/usr/bin/env node
/** The `splinternet` executable: the only place that calls process.exit. */
import { processIo } from './context.js';
import { runCli } from './run.js';

process.exit(await runCli(process.argv.slice(2), processIo()));
