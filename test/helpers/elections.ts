/**
 * The shipped election fixtures (test/fixtures/elections, see its SOURCES.md) as absolute
 * paths, and the set the integration and browser tests both import: Moscow 2021 with its
 * DEG pseudo-stations, the single-mandate table, both DEG 20-minute series, a 2016 national cut.
 */
import { packagePath } from '../../src/shared/index.js';

export const electionFixture = (f: string): string => packagePath('test', 'fixtures', 'elections', f);

export const ELECTION_FIXTURES: readonly string[] = [
  'kobak-2021-moscow.csv.zip',
  'meduza-moscow-2021-single-mandate.tsv',
  'denull-moscow-2021-deg-single-mandate-20min.js',
  'denull-moscow-2021-deg-party-20min.js',
  'kobak-2016-every25th.csv.zip',
].map(electionFixture);
