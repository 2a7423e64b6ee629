/**
 * The house layering rules (docs/architecture.md), checked on the source:
 * imports only go down the floors; domain folders never import hono, commander, cli-progress
 * or @duckdb; SQL statements live only in src/store.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from './shared/index.js';

const FLOOR: Record<string, number> = {
  cli: 5,
  server: 4,
  cost: 3,
  db: 3,
  detect: 3,
  registry: 3,
  elections: 3,
  watch: 3,
  signals: 2,
  measure: 2,
  ledger: 2,
  store: 1,
  geo: 1,
  op: 1,
  shared: 0,
};
const DOMAIN = ['ledger', 'cost', 'db', 'measure', 'detect', 'registry', 'elections', 'signals', 'watch', 'store', 'geo', 'op', 'shared'];
const FORBIDDEN_IN_DOMAIN = /from '(hono|hono\/.*|@hono\/.*|commander|@commander-js\/.*|cli-progress)'/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

const src = packagePath('src');
const all = files(src).map((f) => ({ file: relative(src, f), text: readFileSync(f, 'utf8') }));

describe('layering', () => {
  it('imports only go down (or sideways within a floor only through index.ts)', () => {
    const bad: string[] = [];
    for (const { file, text } of all) {
      const from = file.split('/')[0]!;
      for (const m of text.matchAll(/from '\.\.\/(?:\.\.\/)*([a-z-]+)\//g)) {
        const to = m[1]!;
        if (!(to in FLOOR) || to === from) continue;
        if ((FLOOR[to] ?? 0) > (FLOOR[from] ?? 0)) bad.push(`${file} imports ${to}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it('domain code never imports HTTP, CLI or DuckDB packages', () => {
    const bad = all.filter(({ file, text }) => {
      const floor = file.split('/')[0]!;
      if (!DOMAIN.includes(floor)) return false;
      return FORBIDDEN_IN_DOMAIN.test(text) || (floor !== 'store' && /from '@duckdb\//.test(text));
    });
    expect(bad.map((b) => b.file)).toEqual([]);
  });
  it('SQL lives in src/store only', () => {
    const sql = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|DELETE\s+FROM|CREATE\s+TABLE|UPDATE\s+\w+\s+SET)\b/;
    const bad = all.filter(({ file, text }) => !file.startsWith('store/') && sql.test(text));
    expect(bad.map((b) => b.file)).toEqual([]);
  });

  it('hand-written HTTP routes stay where HTTP itself is the feature: at most four files', () => {
    const routes = readdirSync(packagePath('src', 'server', 'routes')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(routes.sort()).toEqual(['docs.ts', 'events.ts', 'export.ts', 'uploads.ts']);
  });
});
