/**
 * Which single-byte encoding a file that is not UTF-8 was most likely written in, read from the
 * bytes that do not decode, so the advice to convert it names an encoding that keeps its text:
 * converting Cyrillic windows-1251 text "from cp1252" gives mojibake (Ð...) that then decodes
 * as UTF-8 and is stored. Russian words in windows-1251 are runs of bytes 0xC0-0xFF (А..я, and
 * 0xA8/0xB8 Ё/ё); Western text in windows-1252 or Latin-1 has its accented letters one at a
 * time between ASCII letters (Café, Größe). Bytes inside valid UTF-8 sequences are not read.
 */

export type LegacyEncoding = 'windows-1251' | 'windows-1252';

/** A letter of windows-1251: А..я (0xC0-0xFF), Ё (0xA8), ё (0xB8). */
const cyrillicLetter = (c: number) => c >= 0xc0 || c === 0xa8 || c === 0xb8;

/** Length of the valid UTF-8 sequence starting at i (1 for ASCII), or 0 when the byte starts none. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
  if (n < 0) return 0;
  for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  const x1 = b[i + 1]!;
  if ((c === 0xe0 && x1 < 0xa0) || (c === 0xed && x1 > 0x9f) || (c === 0xf0 && x1 < 0x90) || (c === 0xf4 && x1 > 0x8f)) return 0;
  return n + 1;
}

/** Runs this long of windows-1251 letters read as words (a run of 2, as in "Müßig", does not). */
const WORD_RUN = 3;

/**
 * windows-1251 when at least half of the bytes outside UTF-8 are letters in runs of 3 or more,
 * windows-1252 when none is, else null (the bytes do not say).
 */
export function likelyLegacyEncoding(b: Uint8Array): LegacyEncoding | null {
  let high = 0;
  let inWords = 0;
  let run = 0;
  const endRun = () => {
    if (run >= WORD_RUN) inWords += run;
    run = 0;
  };
  for (let i = 0; i < b.length;) {
    const n = utf8Length(b, i);
    if (n > 0) {
      endRun();
      i += n;
      continue;
    }
    high++;
    if (cyrillicLetter(b[i]!)) run++;
    else endRun();
    i++;
  }
  endRun();
  if (high === 0) return null;
  if (inWords * 2 >= high) return 'windows-1251';
  return inWords === 0 ? 'windows-1252' : null;
}

/** The advice a not-UTF-8 refusal ends with: the likely encoding and the iconv command that converts from it. */
export function reencodeAdvice(b: Uint8Array): string {
  const likely = likelyLegacyEncoding(b);
  if (likely === 'windows-1251') return 'it looks like Windows-1251 (Cyrillic text): re-save it as UTF-8 (e.g. iconv -f cp1251 -t utf-8)';
  if (likely === 'windows-1252') return 'it may be Windows-1252 or Latin-1: re-save it as UTF-8 (e.g. iconv -f cp1252 -t utf-8)';
  return 'it may be Windows-1251 (Cyrillic) or Windows-1252 (Latin-1): re-save it as UTF-8 from the one it was written in (e.g. iconv -f cp1251 -t utf-8, or iconv -f cp1252 -t utf-8)';
}
