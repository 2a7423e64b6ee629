/**
 * The commander program. Every command lives in its own file under commands/ and receives the
 * Io; nothing here exits the process (bin.ts does, once).
 */
import { Command } from '@commander-js/extra-typings';
import { checkFileOptions } from './command.js';
import type { Io } from './context.js';

type Register = (program: Command, io: Io) => void;

/**
 * The command modules, in the order `--help` lists them, each with the top-level commands it
 * registers (program.test.ts holds this table to what each module registers). A command module
 * imports its domain's operations and, through them, much of the store: a run that names one
 * command loads that module only, so `events list` does not load the elections, registry or
 * cost code; `--version` loads none. Anything else (no command, `--help`, `help`, a mistyped
 * name) loads them all, so the help and commander's "did you mean" see every command.
 */
export const COMMAND_MODULES: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['serve'], load: async () => (await import('./commands/serve.js')).serveCommand },
  { names: ['events'], load: async () => (await import('./commands/events.js')).eventsCommand },
  { names: ['indicators'], load: async () => (await import('./commands/indicators.js')).indicatorsCommand },
  { names: ['registry'], load: async () => (await import('./commands/registry.js')).registryCommand },
  { names: ['elections'], load: async () => (await import('./commands/elections.js')).electionsCommand },
  { names: ['tokens'], load: async () => (await import('./commands/tokens.js')).tokensCommand },
  { names: ['ingest'], load: async () => (await import('./commands/ingest.js')).ingestCommand },
  { names: ['measurements', 'fingerprints'], load: async () => (await import('./commands/measurements.js')).measurementsCommand },
  { names: ['ooni'], load: async () => (await import('./commands/ooni.js')).ooniCommand },
  { names: ['db'], load: async () => (await import('./commands/db.js')).dbCommand },
  { names: ['detect', 'speedtests', 'throughput'], load: async () => (await import('./commands/detect.js')).detectCommand },
  { names: ['signals'], load: async () => (await import('./commands/signals.js')).signalsCommand },
  { names: ['watch', 'watch-status', 'watch-new', 'hooks'], load: async () => (await import('./commands/watch.js')).watchCommand },
  { names: ['data'], load: async () => (await import('./commands/data.js')).dataCommand },
  { names: ['cost'], load: async () => (await import('./commands/cost.js')).costCommand },
  { names: ['doctor'], load: async () => (await import('./commands/doctor.js')).doctorCommand },
  { names: ['clickhouse'], load: async () => (await import('./commands/clickhouse.js')).clickhouseCommand },
];

/** The program; with `argv`, only the module of the command it names (see COMMAND_MODULES). */
export async function buildProgram(io: Io, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('splinternet')
    .description('Splinternet Observatory: record, measure and price state controls on the internet')
    .version('0.1.0')
    .showHelpAfterError('(add --help for usage)')
    // Options after a subcommand's name belong to it (needed by `cost`, which has flags and subcommands).
    .enablePositionalOptions()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .exitOverride()
    // the file options' rule, for every command that writes a file (command.ts)
    .hook('preAction', (_program, action) => checkFileOptions(action));
  const named = COMMAND_MODULES.find((m) => argv[0] !== undefined && m.names.includes(argv[0]));
  // --version needs no command at all.
  const modules = argv[0] === '--version' || argv[0] === '-V' ? [] : named ? [named] : COMMAND_MODULES;
  for (const register of await Promise.all(modules.map((m) => m.load()))) register(program, io);
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
