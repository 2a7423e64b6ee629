/**
 * The HTTP examples of README.md and docs/: every URL under /api or /feeds with a query string,
 * with the file and line it is first shown on. Read by src/server/unknown-params.test.ts (each
 * name sent is one the route takes) and test/integration/doc-examples.test.ts (each example
 * with every value filled in answers on the seeded ledger).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packagePath } from '../../src/shared/index.js';

/** README.md and every Markdown file under docs/, as paths relative to the package. */
function docFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : []));
  return [packagePath('README.md'), ...walk(packagePath('docs'))].map((f) => relative(packagePath(), f));
}

/**
 * The URLs under /api or /feeds with a query string in `text`: a path ends at a space, quote,
 * backtick, bracket or table bar, `{a,b}` stands for each of a and b, and `...`/`…` (the rest of
 * the list) is dropped.
 */
export function exampleUrls(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\/(?:api|feeds)\/(?:\{[\w,]+\}|[^\s`'"()<>|?{])*\?(?:\\\||[^\s`'"()<>|])*/g)) {
    const url = m[0]
      .replace(/\\\|/g, '|')
      .replace(/(\.\.\.|…)/g, '')
      .replace(/[.,:;]+$/, '')
      .replace(/&+$/, '');
    const expand = (u: string): string[] => {
      const alt = /\{(\w+(?:,\w+)+)\}/.exec(u);
      return alt ? alt[1]!.split(',').flatMap((a) => expand(u.replace(alt[0], a))) : [u];
    };
    out.push(...expand(url));
  }
  return out;
}

/** Every example URL in the docs, each once, with `file:line` where it is first shown. */
export function docExamples(): Map<string, string> {
  const seen = new Map<string, string>();
  for (const file of docFiles()) {
    readFileSync(packagePath(file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const url of exampleUrls(line)) if (!seen.has(url)) seen.set(url, `${file}:${i + 1}`);
      });
  }
  return seen;
}

/**
 * Whether `url` is a whole example rather than a list of the names a route takes: no path
 * placeholder (`:id`, `{id}`, `ID`), every parameter with one value (none empty, no `a|b`).
 */
export function isConcrete(url: string): boolean {
  const [path, query = ''] = url.split('?');
  if (/\/(:\w+|\{\w+\}|ID)(\/|$)/.test(path!) || !query) return false;
  return query.split('&').every((kv) => /^[^=]+=[^|]+$/.test(kv));
}
