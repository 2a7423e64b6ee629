// The election a file is filed under, from its name: a name giving two years in which such an
// election was held is ambiguous and refused (exit 2, nothing stored) until --election says
// which; a second year that held no such election (a download date) does not make it ambiguous.
// Data: the real Moscow 2021 protocols (test/fixtures) under SYNTHETIC file names.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electionFixture as fx } from '../helpers/elections.js';
import { cli, tempDir } from '../helpers/index.js';

describe('the election year from a file name', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const named = (name: string) => {
    const p = join(t.dir, name);
    copyFileSync(fx('kobak-2021-moscow.csv.zip'), p);
    return p;
  };

  it('two Duma years in the name: exit 2 naming both, nothing stored; --election files it', async () => {
    const db = join(t.dir, 'two.duckdb');
    const p = named('data-2016-2021.csv.zip');
    const r = await cli(['elections', 'import', p, '--db', db]);
    expect(r.code, r.out).toBe(2);
    expect(r.err).toContain('data-2016-2021.csv.zip: the file name gives two duma election years (2016, 2021); pass --election');
    const ok = await cli(['elections', 'import', p, '--election', 'duma-2021', '--json', '--db', db]);
    expect(ok.code, ok.err).toBe(0);
    expect(JSON.parse(ok.out).files[0].election).toBe('duma-2021');
  });

  it('a year that held no Duma election beside one that did: filed under the election year', async () => {
    const db = join(t.dir, 'one.duckdb');
    const r = await cli(['elections', 'import', named('downloaded-2023-05-01-kobak-2021.csv.zip'), '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).files[0].election).toBe('duma-2021');
  });
});
