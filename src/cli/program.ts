/**
 * The commander program. Every command lives in its own file under commands/ and receives the
 * Io; nothing here exits the process (bin.ts does, once).
 */
import { Command } from '@commander-js/extra-typings';
import { clickhouseCommand } from './commands/clickhouse.js';
import { costCommand } from './commands/cost.js';
import { dataCommand } from './commands/data.js';
import { dbCommand } from './commands/db.js';
import { detectCommand } from './commands/detect.js';
import { doctorCommand } from './commands/doctor.js';
import { electionsCommand } from './commands/elections.js';
import { eventsCommand } from './commands/events.js';
import { indicatorsCommand } from './commands/indicators.js';
import { ingestCommand } from './commands/ingest.js';
import { measurementsCommand } from './commands/measurements.js';
import { ooniCommand } from './commands/ooni.js';
import { registryCommand } from './commands/registry.js';
import { serveCommand } from './commands/serve.js';
import { signalsCommand } from './commands/signals.js';
import { tokensCommand } from './commands/tokens.js';
import { watchCommand } from './commands/watch.js';
import type { Io } from './context.js';

export function buildProgram(io: Io): Command {
  const program = new Command('splinternet')
    .description('Splinternet Observatory: record, measure and price state controls on the internet')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    // Options after a subcommand's name belong to it (needed by `cost`, which has flags and subcommands).
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .exitOverride();
  serveCommand(program, io);
  eventsCommand(program, io);
  indicatorsCommand(program, io);
  registryCommand(program, io);
  electionsCommand(program, io);
  tokensCommand(program, io);
  ingestCommand(program, io);
  measurementsCommand(program, io);
  ooniCommand(program, io);
  dbCommand(program, io);
  detectCommand(program, io);
  signalsCommand(program, io);
  watchCommand(program, io);
  dataCommand(program, io);
  costCommand(program, io);
  doctorCommand(program, io);
  clickhouseCommand(program, io);
  for (const c of program.commands) {
    c.exitOverride();
    c.configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });
    for (const sub of c.commands) {
      sub.exitOverride();
      sub.configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) });
    }
  }
  return program;
}
