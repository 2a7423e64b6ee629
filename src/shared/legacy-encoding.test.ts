// The encoding a not-UTF-8 file most likely is, read from its bytes. The Cyrillic cases are the
// real decision bodies of data/registry's derived CIDR file re-encoded as windows-1251; the
// Western cases are SYNTHETIC words (Café, Größe, Müßig), as no shipped file is windows-1252.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeStrict } from './caps.js';
import { likelyLegacyEncoding, reencodeAdvice } from './legacy-encoding.js';
import { packagePath } from './paths.js';

const cp1251 = (text: string) => Buffer.from([...text].map(toCp1251));
/** windows-1251 of one character: ASCII, А..я, Ё/ё. */
function toCp1251(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return c;
  if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
  if (c === 0x401) return 0xa8;
  if (c === 0x451) return 0xb8;
  throw new Error(`no windows-1251 byte for ${ch}`);
}
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const CIDR = readFileSync(packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'), 'utf8');

describe('likelyLegacyEncoding', () => {
  it('reads the registry’s Cyrillic decision bodies in windows-1251 as windows-1251', () => {
    const text = CIDR.split('\n')
      .slice(0, 40)
      .join('\n')
      .replace(/[^ -~\nА-яЁё]/g, '');
    expect(likelyLegacyEncoding(cp1251(text))).toBe('windows-1251');
    expect(reencodeAdvice(cp1251(text))).toMatch(/Windows-1251 .*iconv -f cp1251 -t utf-8\)$/);
  });

  it('reads accented letters one at a time between ASCII as windows-1252, two in a row too (SYNTHETIC)', () => {
    expect(likelyLegacyEncoding(latin1('Café row,Größe,Müßig\n'))).toBe('windows-1252');
    expect(reencodeAdvice(latin1('Café'))).toMatch(/iconv -f cp1252 -t utf-8\)$/);
  });

  it('names both when the bytes do not say, and reads no byte of a valid UTF-8 sequence (SYNTHETIC)', () => {
    expect(likelyLegacyEncoding(latin1('Café, '))).toBe('windows-1252');
    const mixed = Buffer.concat([latin1('é x à '), cp1251('Суд'), latin1(' ü x ö')]);
    expect(likelyLegacyEncoding(mixed)).toBeNull();
    expect(reencodeAdvice(mixed)).toMatch(/iconv -f cp1251 -t utf-8, or iconv -f cp1252 -t utf-8\)$/);
    // UTF-8 Russian ("и" is D0 B8) beside one windows-1252 byte: the UTF-8 is no run of letters
    expect(likelyLegacyEncoding(Buffer.concat([Buffer.from('Генпрокуратура и суд '), latin1('é')]))).toBe('windows-1252');
    expect(likelyLegacyEncoding(Buffer.from('ascii only'))).toBeNull();
  });

  it('decodeStrict gives the advice and the likely encoding in its details', () => {
    const bytes = Buffer.concat([Buffer.from('cidr,decision_body\n'), cp1251('1.2.3.0/24,Генпрокуратура\n')]);
    expect(() => decodeStrict(bytes, 'utf-8', 'f.csv')).toThrow(/f\.csv is not valid UTF-8 at line 2 .*iconv -f cp1251 -t utf-8\)$/);
    try {
      decodeStrict(bytes, 'utf-8', 'f.csv');
    } catch (e) {
      expect((e as { details: unknown }).details).toMatchObject({ likely_encoding: 'windows-1251' });
    }
  });
});
