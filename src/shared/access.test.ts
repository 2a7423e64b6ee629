/**
 * Server file access for a restricted grant: a path is judged where the operating system would
 * open it, so no spelling of a path (symlinks, `..` after a link, a link to a file not yet there,
 * a NUL byte) reaches a file outside the import folders.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFileAccess, realDirs, type Grant } from './access.js';
import { isAppError } from './errors.js';

let root: string;
let imports: string;
let grant: Grant;

beforeAll(() => {
  root = realDirs([mkdtempSync(join(tmpdir(), 'splinternet-access-'))])[0]!;
  imports = join(root, 'imports');
  mkdirSync(join(imports, 'sub'), { recursive: true });
  mkdirSync(join(root, 'outside', 'deep'), { recursive: true });
  writeFileSync(join(root, 'outside', 'secret.csv'), 'secret\n');
  writeFileSync(join(imports, 'ok.csv'), 'ok\n');
  // A link inside the import folder to a folder outside it, one to a file not there yet, one to itself.
  symlinkSync(join(root, 'outside', 'deep'), join(imports, 'deep-link'));
  symlinkSync(join(root, 'outside', 'new.duckdb'), join(imports, 'dangling'));
  symlinkSync(join(imports, 'loop'), join(imports, 'loop'));
  grant = { actor: 'token:test', scopes: ['import'], files: realDirs([imports]) };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const code = (paths: string[]): string => {
  try {
    assertFileAccess(grant, paths, 'the operation x.import');
    return 'allowed';
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
};

describe('assertFileAccess', () => {
  it('allows files inside the folder, existing or not, with . and .. that stay inside', () => {
    expect(code([join(imports, 'ok.csv')])).toBe('allowed');
    expect(code([join(imports, 'sub', 'not-yet.csv')])).toBe('allowed');
    expect(code([`${imports}/sub/../ok.csv`, `${imports}/./sub/./x`])).toBe('allowed');
  });

  it('refuses `..` after a symlink: the kernel leaves the link target, not the folder holding the link', () => {
    // Written lexically, imports/deep-link/../secret.csv is imports/secret.csv; opened, it is outside/secret.csv.
    const p = `${imports}/deep-link/../secret.csv`;
    expect(readFileSync(p, 'utf8')).toBe('secret\n');
    expect(code([p])).toBe('FORBIDDEN');
    expect(code([`${imports}/deep-link/../../outside/secret.csv`])).toBe('FORBIDDEN');
    expect(code([`${imports}/sub/../deep-link/x`])).toBe('FORBIDDEN');
  });

  it('refuses a link to a file not there yet (a write would create it outside), and a link loop stays bounded', () => {
    expect(code([join(imports, 'dangling')])).toBe('FORBIDDEN');
    expect(code([join(imports, 'loop')])).toBe('allowed'); // opening it fails with ELOOP; nothing outside is named
  });

  it('refuses absolute and relative paths outside, and a NUL byte as a bad request', () => {
    expect(code(['/etc/passwd'])).toBe('FORBIDDEN');
    expect(code(['../../etc/passwd'])).toBe('FORBIDDEN');
    expect(code([`${imports}/ok.csv\0/../../etc/passwd`])).toBe('VALIDATION');
  });

  it('the error names the allowed folders and the refused path', () => {
    try {
      assertFileAccess(grant, [`${imports}/deep-link/../secret.csv`], 'the operation x.import');
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).toContain(imports);
      expect(String((e as Error).message)).toContain('deep-link/../secret.csv');
    }
  });
});

describe('the refusal names what the op does with files', () => {
  it('a path outside the folders is refused as a file the op opens (read or written), never as one it reads', () => {
    let message = '';
    try {
      assertFileAccess(grant, [join(root, 'outside', 'b.duckdb')], 'the operation db.backup');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^the operation db\.backup opens files on the server \(reads them, or writes a new one\) only inside its import folders/);
    expect(message).not.toMatch(/ reads files on the server only/);
  });
});
