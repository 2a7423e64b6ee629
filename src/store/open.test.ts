/** Which database file a command names: --db, SPLINTERNET_DB, or the default under the working folder. */
import { describe, expect, it } from 'vitest';
import { defaultDbPath } from './open.js';

describe('defaultDbPath', () => {
  it('SYNTHETIC paths: an empty SPLINTERNET_DB reads as unset (the default file), never the working folder', () => {
    expect(defaultDbPath(undefined, { SPLINTERNET_DB: '' }, '/work/x')).toBe('/work/x/.splinternet/observatory.duckdb');
    expect(defaultDbPath(undefined, { SPLINTERNET_DB: 'a.duckdb' }, '/work/x')).toBe('/work/x/a.duckdb');
    expect(defaultDbPath('b.duckdb', { SPLINTERNET_DB: 'a.duckdb' }, '/work/x')).toBe('/work/x/b.duckdb');
  });

  it('SYNTHETIC: an empty --db is refused naming the flag (exit 2), not resolved to the folder', () => {
    expect(() => defaultDbPath('', {}, '/work/x')).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: '--db: an empty path; name a database file' }),
    );
  });
});
