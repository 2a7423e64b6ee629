/**
 * Where the package's own files live (data/, src/store/migrations/, web/dist) whether the code
 * runs from src/ under tsx/vitest or from dist/src/ after `tsc`. We walk up from this module to
 * the package.json named "splinternet" instead of hard-coding a depth.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const name = (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name;
      if (name === 'splinternet') return (cached = dir);
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the splinternet package root');
    dir = up;
  }
}

/** A path inside the package: packagePath('data', 'ledger'). */
export const packagePath = (...parts: string[]): string => resolve(packageRoot(), ...parts);
