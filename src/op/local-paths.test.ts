/** resolveLocalPaths: the declared keys made absolute against the caller's folder, nothing else touched. */
import { describe, expect, it } from 'vitest';
import { resolveLocalPaths } from './local-paths.js';

describe('resolveLocalPaths', () => {
  const op = { localPaths: ['file', 'paths', 'dir'] };

  it('makes a string and each item of a list absolute against the folder given', () => {
    expect(resolveLocalPaths(op, { file: 'a.csv', paths: ['b.csv', '../c', '/abs/d'], kind: 'x' }, '/home/u/w')).toEqual({
      file: '/home/u/w/a.csv',
      paths: ['/home/u/w/b.csv', '/home/u/c', '/abs/d'],
      kind: 'x',
    });
  });

  it('leaves absent keys, empty strings, "-", non-strings and undeclared keys as they are, and the input unchanged', () => {
    const input = { file: '', paths: ['-', 3], other: 'rel' };
    expect(resolveLocalPaths(op, input, '/w')).toEqual({ file: '', paths: ['-', 3], other: 'rel' });
    expect(input).toEqual({ file: '', paths: ['-', 3], other: 'rel' });
    expect('dir' in resolveLocalPaths(op, input, '/w')).toBe(false);
  });

  it('passes the input through when the op declares no local paths', () => {
    const input = { file: 'a.csv' };
    expect(resolveLocalPaths({}, input, '/w')).toBe(input);
  });
});
