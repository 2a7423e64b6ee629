/**
 * JSON received as bytes (a request body, an event file): decoded as strict UTF-8 and read with
 * each object's keys given once. Bytes that are not UTF-8 are refused naming the first bad byte,
 * never decoded to U+FFFD and stored; a key given twice in one object is refused naming its
 * path, never resolved to the last value (which a client or proxy may read differently).
 */
import { TextDecoder } from 'node:util';
import { firstInvalidUtf8 } from './caps.js';
import { AppError } from './errors.js';
import { parseJsonText } from './json-text.js';

/**
 * The path of the first key given a second time in one object of `text`, or null. `text` must be
 * JSON (parsed already); one pass over it, keys compared as JSON reads them ("\u0061" is "a").
 */
export function duplicateKeyAt(text: string): (string | number)[] | null {
  const stack: { keys: Set<string> | null; at: string | number }[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      let escaped = false;
      for (; text[j] !== '"'; j++) {
        if (text[j] === '\\') {
          escaped = true;
          j++;
        }
      }
      if (expectKey) {
        const top = stack[stack.length - 1]!;
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        top.at = key;
        if (top.keys!.has(key)) return stack.map((f) => f.at);
        top.keys!.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === '{') {
      stack.push({ keys: new Set(), at: '' });
      expectKey = true;
    } else if (c === '[') stack.push({ keys: null, at: 0 });
    else if (c === '}' || c === ']') {
      stack.pop();
      expectKey = false;
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return null;
}

/** Decode `bytes` as UTF-8 (a leading byte order mark dropped) or throw VALIDATION naming the first bad byte (under `field`, or the whole value when null). */
export function decodeUtf8(bytes: Uint8Array, name: string, field: string | null = 'file'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes) ?? { offset: 0, line: 1 };
    const byte = `0x${(bytes[at.offset] ?? 0).toString(16).padStart(2, '0')}`;
    throw new AppError('VALIDATION', `${name} is not valid UTF-8 at byte ${at.offset} (${byte}, line ${at.line}); send it as UTF-8`, {
      issues: [{ path: field === null ? [] : [field], message: `not UTF-8 at byte ${at.offset}` }],
      details: { reason: 'bad_encoding', encoding: 'utf-8', ...at },
    });
  }
}

/** The refusal of a key given twice (its path from duplicateKeyAt) in `name`. */
export function duplicateKeyError(path: (string | number)[], name: string): AppError {
  const key = String(path[path.length - 1]);
  return new AppError('VALIDATION', `${path.join('.')}: the key "${key}" is given more than once in ${name}; send it once`, {
    issues: [{ path, message: 'given 2 times; send it once' }],
  });
}

/** Parse JSON bytes: strict UTF-8 (decodeUtf8), JSON (parseJsonText), each object's keys given once. */
export function parseJsonBytes(bytes: Uint8Array, name: string, field = 'file'): unknown {
  const text = decodeUtf8(bytes, name, field);
  const value = parseJsonText(text, name, field);
  const dup = duplicateKeyAt(text);
  if (dup) throw duplicateKeyError(dup, name);
  return value;
}
