import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { duplicateKeyAt, parseJsonBytes } from './json-bytes.js';

const refusal = (bytes: Uint8Array): AppError => {
  try {
    parseJsonBytes(bytes, 'the request body');
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('accepted');
};
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseJsonBytes', () => {
  it('parses UTF-8 JSON, a byte order mark before it included', () => {
    expect(parseJsonBytes(utf8('{"title":"Café ünïcode"}'), 'x')).toEqual({ title: 'Café ünïcode' });
    expect(parseJsonBytes(utf8('\ufeff[1]'), 'x')).toEqual([1]);
  });
  it('refuses bytes that are not UTF-8 (Latin-1 here) naming the byte offset, never decoding them to U+FFFD', () => {
    const e = refusal(Buffer.from('{"title":"Caf\u00e9"}', 'latin1'));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/the request body is not valid UTF-8 at byte 13 \(0xe9, line 1\)/);
    expect(e.details).toMatchObject({ reason: 'bad_encoding', offset: 13 });
  });
  it('refuses a key given twice in one object, naming its path, as a query parameter given twice', () => {
    const e = refusal(utf8('{"country":"XX","type":"full","hours":1,"country":"RU"}'));
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([{ path: ['country'], message: 'given 2 times; send it once' }]);
    expect(e.message).toMatch(/country: the key "country" is given more than once in the request body/);
    expect(refusal(utf8('{"a":[{"b":1},{"c":{"d":1,"\\u0064":2}}]}')).issues[0]!.path).toEqual(['a', 1, 'c', 'd']);
  });
});

describe('duplicateKeyAt', () => {
  it('takes one key in different objects, and keys inside strings, as no duplicate', () => {
    expect(duplicateKeyAt('{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":"{\\"c\\":1,\\"c\\":2}"}')).toBeNull();
    expect(duplicateKeyAt('[1,"x",{"k":"v"}]')).toBeNull();
  });
  it('finds the second key of an object after nested values', () => {
    expect(duplicateKeyAt('{"a":{"x":[1,2,{"y":"]"}]},"b":2,"a":3}')).toEqual(['a']);
  });
});
