/**
 * Where the tests find the built CLI: dist/bundle/bin.js, the file package.json's `bin` names and
 * users run, written by `npm run build:cli` (tsc, then scripts/bundle-cli.mjs). Kept free of
 * vitest imports: the global setups, which run in vitest's main process, read it too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../src/shared/paths.js';

export const BIN = packagePath('dist', 'bundle', 'bin.js');

/**
 * Throws unless the bundle is there and none of our files it was made from (dist/src, listed in
 * dist/bundle/meta.json) has changed since: a `tsc` build alone would leave the tests running the
 * code of an older bundle. Packages are not checked: npm writes their files with one fixed date.
 */
export function assertFreshBundle(): void {
  const meta = packagePath('dist', 'bundle', 'meta.json');
  if (!existsSync(BIN) || !existsSync(meta)) throw new Error(`${BIN} is missing: run \`npm run build:cli\` first`);
  const made = statSync(BIN).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(meta, 'utf8')) as { inputs: string[] };
  for (const input of inputs.filter((i) => i.startsWith('dist/'))) {
    const path = join(packagePath(), input);
    if (!existsSync(path)) throw new Error(`${BIN} was made from ${input}, which is gone: run \`npm run build:cli\``);
    if (statSync(path).mtimeMs > made) throw new Error(`${BIN} is older than ${input}: run \`npm run build:cli\``);
  }
}
