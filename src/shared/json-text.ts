/**
 * JSON text read from a file (or a request body): a text that is not JSON is VALIDATION naming
 * the file, the line and the column where it stops being JSON. The parser gives a position for
 * some errors only ("Unexpected token '}'" has none), so the offset is found by a scan of the
 * JSON grammar (jsonErrorAt) when the message lacks it.
 */
import { AppError } from './errors.js';

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first character at which `text` stops being JSON (its length when it ends early), or -1 when it is JSON. */
export function jsonErrorAt(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new RangeError(String(i));
  };
  const ws = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const word = (w: string) => {
    for (const c of w) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') fail();
      i++;
      if (c === '"') return;
      if (c !== '\\') continue;
      const e = text[i];
      if (e === 'u') {
        i++;
        for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail();
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else fail();
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{')
      return members('}', () => {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    if (c === '[') return members(']', value);
    if (c === '"') return string();
    if (c === 't') return word('true');
    if (c === 'f') return word('false');
    if (c === 'n') return word('null');
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(text);
    if (!n) fail();
    i += n![0].length;
    // a number running on into a digit ("01") or a dot ("1.") is not a number
    if (/[0-9.]/.test(text[i] ?? '')) fail();
  };
  const members = (close: string, member: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail();
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (e) {
    if (e instanceof RangeError && /^\d+$/.test(e.message)) return Number(e.message);
    return -1; // nesting deeper than the stack: no position
  }
}

/** Line and column (1-based) of an offset. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 };
}

/** Parse JSON text; malformed text is VALIDATION "<name>: line L, column C: not valid JSON: <what the parser says>". */
export function parseJsonText(text: string, name: string, field = 'file'): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const given = /at position (\d+)/.exec(message)?.[1];
    const at = given !== undefined ? Number(given) : message.startsWith('Unexpected end') ? text.length : jsonErrorAt(text);
    const where = at >= 0 ? lineColumn(text, at) : null;
    // the parser's own words, without its excerpt of the text or the position given above
    const what = message.replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    const prefix = where ? `line ${where.line}, column ${where.column}: ` : '';
    throw new AppError('VALIDATION', `${name}: ${prefix}not valid JSON: ${what}`, {
      issues: [{ path: [field], message: `${prefix}malformed JSON` }],
      details: where ?? {},
    });
  }
}
