// hooks add names its options in every refusal (--cc, --notice), whichever check refused the value: the op's schema
// or the domain. SYNTHETIC values (bogus, ZZ) on a temporary database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../test/helpers/index.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'flag-errors-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const add = (...flags: string[]) => cli(['hooks', 'add', 'http://127.0.0.1:9/k', ...flags, '--db', join(dir, 'x.duckdb')]);

describe('hooks add refusals', () => {
  it('name the option and the value given, not the schema path', async () => {
    const notice = await add('--notice', 'bogus');
    expect(notice.code).toBe(2);
    expect(notice.err).toMatch(/invalid input for hooks\.add: --notice: .*got "bogus"/);
    expect(notice.err).not.toContain('notices[0]');
    const cc = await add('--cc', 'ZZ');
    expect(cc.code).toBe(2);
    expect(cc.err).toMatch(/--cc: .*"ZZ"/);
    expect(cc.err).not.toContain('countries[0]');
    // each names the value once: a message that already names it gets no second "got"
    expect(notice.err.split('"bogus"').length - 1).toBe(1);
    expect(cc.err.split('(got "ZZ")').length - 1).toBe(0);
    expect(cc.err.match(/--cc: [^\n]*/)![0].split('"ZZ"').length - 1).toBe(1);
    // the domain's own refusal already named its option, and still does
    expect((await add('--kind', 'bogus')).err).toContain('--kind must be');
  });
});
