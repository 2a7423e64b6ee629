// `ingest --max-line-mb` out of range is a usage error in the flag's own terms: the flag, the
// value typed and the range 1-16 its help gives, never the op's byte field.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run.js';

const io = () => {
  let text = '';
  const s = new Writable({ write: (c: Buffer, _e, cb: () => void) => ((text += c.toString()), cb()) });
  return { out: s, err: s, env: {}, isTTY: false, said: () => text };
};

describe('ingest --max-line-mb', () => {
  for (const v of ['17', '0', '-1'])
    it(`refuses ${v} naming --max-line-mb and 1 to 16 (exit 2)`, async () => {
      const o = io();
      expect(await runCli(['ingest', 'x.jsonl', '--max-line-mb', v, '--db', '/nonexistent/none.duckdb'], o)).toBe(2);
      expect(o.said()).toMatch(new RegExp(`--max-line-mb must be from 1 to 16, got ${v}`));
      expect(o.said()).not.toMatch(/max_line_bytes|1024/);
    });
});
