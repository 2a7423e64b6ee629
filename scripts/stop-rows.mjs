// The rows of the STOP Combined CSV named as a script's one argument, parsed by the importer's own
// parser (dist: run `npx tsc -p tsconfig.build.json` first); with no argument, its usage and exit 2.
import { readFileSync } from 'node:fs';
import { parseStopCsv } from '../dist/src/ledger/stop/parse.js';

export function stopRows(script) {
  const file = process.argv[2];
  if (!file) {
    console.error(`usage: node scripts/${script} STOP.csv`);
    process.exit(2);
  }
  return parseStopCsv(readFileSync(file, 'utf8'), file);
}
