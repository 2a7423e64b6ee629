// Meduza's single-mandate table beside the Moscow 2021 protocols, read as the electronic
// comparison reports it: a percentage that agrees with no base is flagged at import and the
// caveat gives that reason; results of a district that has no station are named in the text.
// SYNTHETIC: the real table (test/fixtures) with one cell of Bazhenov's line changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electionFixture as fx } from '../helpers/elections.js';
import { cli, tempDir } from '../helpers/index.js';

const BAZHENOV = 'Баженов Тимофей Тимофеевич\t36719\t55803\t92522\t30.29\t46.63\t38.4\t196';

describe("Meduza's table, bad cells", () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const table = readFileSync(fx('meduza-moscow-2021-single-mandate.tsv'), 'utf8');
  const run = async (name: string, line: string) => {
    const db = join(t.dir, `${name}.duckdb`);
    const p = join(t.dir, `${name}-2021.tsv`);
    writeFileSync(p, table.replace(BAZHENOV, line));
    const imp = await cli(['elections', 'import', fx('kobak-2021-moscow.csv.zip'), p, '--json', '--db', db]);
    const e = await cli(['elections', 'electronic', 'duma-2021', '--db', db]);
    return { imp: JSON.parse(imp.out), text: e.out };
  };

  it('a percentage no base agrees with: the row is flagged at import and the caveat says the percentages disagree', async () => {
    expect(table).toContain(BAZHENOV);
    const { imp, text } = await run('pct', BAZHENOV.replace('30.29', '55.55'));
    expect(imp.files[1]).toMatchObject({ stored: 171, rejected: 0, flagged: 1 });
    expect(text).toMatch(/district 196: no ballots-cast base \(the table's printed percentages agree with no one count/);
    expect(text).not.toMatch(/196: no ballots-cast base \(the stored rows carry no percentages/);
  });

  it('results of a district with no station of the election are named in the text', async () => {
    const { imp, text } = await run('dist', BAZHENOV.replace(/196$/, '100'));
    expect(imp.files[1]).toMatchObject({ stored: 171, rejected: 0 });
    expect(text).toContain('single-mandate results of district 100 match no station of the election: not compared');
  });
});
