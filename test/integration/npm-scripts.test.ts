/**
 * The files `npm run` starts (package.json scripts: `node bench/scale.mjs`, ...) and the files
 * those run or import (`./ooni-corpus.mjs`, `join(root, 'bench', 'scale-child.mjs')`) are part of
 * the repository: each exists and, in a git checkout, is tracked, so a clean clone can run every
 * script the README names. A .gitignore pattern meant for a script's output folders can hide a
 * script beside them; this test sees it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';

const ROOT = packagePath();
const CODE = /\.(mjs|js|ts)$/;
/** Source files, not the build output (dist/, made by `npm run build`). */
const source = (f: string) => CODE.test(f) && !f.startsWith('dist/') && !f.startsWith('node_modules/');

/** Files a script names: relative imports, and `join(root, 'a', 'b.mjs')` built from literals. */
function referenced(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/from '(\.{1,2}\/[^']+)'/g)) out.push(relative(ROOT, join(ROOT, dirname(file), m[1]!)));
  for (const m of text.matchAll(/join\(root,((?:\s*'[^']+',?)+)\)/g)) {
    const parts = [...m[1]!.matchAll(/'([^']+)'/g)].map((p) => p[1]!);
    if (CODE.test(parts.at(-1)!)) out.push(join(...parts));
  }
  return out.filter(source);
}

function scriptFiles(): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const seen = new Set<string>();
  const todo = Object.values(scripts)
    .flatMap((s) => [...s.matchAll(/\bnode (\S+)/g)].map((m) => m[1]!))
    .filter(source);
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (existsSync(join(ROOT, f))) todo.push(...referenced(f));
  }
  return [...seen].sort();
}

const inGit = (() => {
  try {
    return (
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() === 'true'
    );
  } catch {
    return false;
  }
})();

describe('npm scripts and the files they run', () => {
  const files = scriptFiles();

  it('finds the bench scripts and the children they start', () => {
    expect(files).toEqual(expect.arrayContaining(['bench/scale.mjs', 'bench/scale-child.mjs', 'bench/ingest-child.mjs', 'bench/ooni-corpus.mjs']));
  });

  it('every one exists', () => {
    expect(files.filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
  });

  it.skipIf(!inGit)('every one is tracked by git (not hidden by .gitignore)', () => {
    const tracked = new Set(
      execFileSync('git', ['ls-files', '--', ...files], { cwd: ROOT })
        .toString()
        .trim()
        .split('\n'),
    );
    expect(files.filter((f) => !tracked.has(f))).toEqual([]);
  });
});
