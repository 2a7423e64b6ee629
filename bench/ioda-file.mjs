// The large signal file two benches share: the real IODA IranCell series of test/fixtures/outages
// (5-minute bins, 3,996 points in two series) copied onto `copies` entity codes (SYNTHETIC in size
// only), and the load average as the benches print it.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export const loadText = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Writes DIR/signals.csv; returns its path and lines. */
export function writeIodaCopies(dir, copies) {
  const real = readFileSync(join(root, 'test/fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const lines = [];
  for (let i = 0; i < copies; i++) for (const l of real) lines.push(l.replace(',44244,IranCell,', `,${64000 + i},Synthetic-${i},`));
  const file = join(dir, 'signals.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, lines };
}
