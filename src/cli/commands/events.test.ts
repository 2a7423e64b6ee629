// What `events import` says of the STOP records it folded: the shutdowns folded by each rule, so
// the line adds up to the report's count and matches the README (14 near-duplicates and 1 shutdown
// recorded at two scales on the shipped snapshot).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../../../test/helpers/index.js';
import { seedLedger } from '../../ledger/index.js';
import { packagePath, silentProgress, systemClock } from '../../shared/index.js';
import { openStore } from '../../store/index.js';
import { foldedText } from './events.js';

describe('events import: the folded records', () => {
  it('gives the count by rule (SYNTHETIC report, shaped as the shipped snapshot gives it)', () => {
    // SYNTHETIC report: one kept event folds two listings of one rule (13 events keep the 14 near-duplicates)
    const duplicates = [
      ...Array.from({ length: 12 }, () => ({ kept: 'a', records: [1], duplicate_records: [2], rule: 'near-duplicate' as const, listings: 1 })),
      { kept: 'e', records: [8], duplicate_records: [9, 10, 11], rule: 'near-duplicate' as const, listings: 2 },
      { kept: 'b', records: [645], duplicate_records: [642], rule: 'contained' as const, listings: 1 },
      ...Array.from({ length: 9 }, () => ({ kept: 'c', records: [3], duplicate_records: [4], rule: 'nested' as const, listings: 1 })),
      { kept: 'd', records: [5], duplicate_records: [6, 7], rule: 'nested' as const, listings: 2 },
    ];
    expect(foldedText({ duplicates_merged: 26, duplicates })).toBe(
      "shutdowns STOP records twice, folded into the event kept: 26 (14 listed twice, 1 recorded at two scales, 11 nested in another order's area the same day)",
    );
  });
});

// The examples `events edit --help` shows run as written, in order, on the shipped event they name.
describe('events edit --help: its examples', () => {
  it('each exits 0 on the seeded ru-2018-telegram-block (real data/ledger file)', async () => {
    const t = tempDir('splinternet-edit-examples-');
    try {
      const data = join(t.dir, 'data');
      mkdirSync(join(data, 'events'), { recursive: true });
      copyFileSync(packagePath('data', 'ledger', 'events', 'ru-2018-telegram-block.json'), join(data, 'events', 'ru-2018-telegram-block.json'));
      const db = join(t.dir, 'edit.duckdb');
      const store = await openStore(db);
      await seedLedger({ store, clock: systemClock, progress: silentProgress }, data).finally(() => store.close());
      const help = await cli(['events', 'edit', '--help']);
      const lines = help.out.split('\n').filter((l) => l.trim().startsWith('$ splinternet events edit'));
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        const argv = shellWords(line.trim().replace(/^\$ splinternet /, ''));
        const r = await cli([...argv, '--db', db]);
        expect([line, r.code, r.err]).toEqual([line, 0, '']);
      }
    } finally {
      t.cleanup();
    }
  });
});

/** Words of a shell line: single and double quotes group, as sh reads the examples. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
