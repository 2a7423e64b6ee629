/** The shared header check: a repeated column name refuses the file, naming it (synthetic headers). */
import { describe, expect, it } from 'vitest';
import { refuseRepeatedColumns, repeatedColumns } from './csv-header.js';

describe('repeated column names', () => {
  it('are found trimmed, once each, an empty name as "(no name)"', () => {
    expect(repeatedColumns(['a', 'b'])).toEqual([]);
    expect(repeatedColumns(['country', 'x', ' country ', 'country'])).toEqual(['country']);
    expect(repeatedColumns(['region', '', ''])).toEqual(['(no name)']);
  });
  it('refuse the file with a VALIDATION error naming the file, the line and each column', () => {
    expect(() => refuseRepeatedColumns('a.csv', ['x', 'y'])).not.toThrow();
    expect(() => refuseRepeatedColumns('a.csv', ['country', 'year', 'country'], 3)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: 'a.csv: line 3: the header repeats column "country"; which one to read is ambiguous; nothing was stored',
        issues: [{ path: ['header', 'country'], message: 'repeated column' }],
      }),
    );
  });
});
