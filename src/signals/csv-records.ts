/**
 * A signal CSV's records with the line each starts on. A quoted field may hold a line break (RFC
 * 4180), so a record runs on while a quote is open; a quote no later line closes is a garbled line,
 * which stays a record of its own so that the lines after it are still read.
 */

const quotes = (line: string): number => {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n;
};

/** Each record's text (a quoted line break kept as "\n") and the 1-based line it starts on. */
export function csvRecords(text: string): { line: number; text: string }[] {
  const lines = text.split(/\r?\n/);
  const odd = lines.map((l) => quotes(l) % 2 === 1);
  // nextOdd[i]: the first line after i with an odd number of quotes (it closes a quote open at i), or -1
  const nextOdd = new Array<number>(lines.length).fill(-1);
  for (let i = lines.length - 2; i >= 0; i--) nextOdd[i] = odd[i + 1] ? i + 1 : nextOdd[i + 1]!;
  const out: { line: number; text: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const close = odd[i] ? nextOdd[i]! : -1;
    if (close < 0) {
      out.push({ line: i + 1, text: lines[i]! });
      continue;
    }
    out.push({ line: i + 1, text: lines.slice(i, close + 1).join('\n') });
    i = close;
  }
  return out;
}
