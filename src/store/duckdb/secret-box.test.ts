import { chmodSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/index.js';
import { isSealed, secretBox } from './secret-box.js';

const t = tempDir();
afterAll(() => t.cleanup());
const SECRET = 'a'.repeat(16) + 'f0e1d2c3b4a59687' + '0123456789abcdef'.repeat(2);

describe('secret box', () => {
  it('seals under a key file it creates 0600 beside the database, and opens what it sealed', () => {
    const db = join(t.dir, 'one.duckdb');
    const box = secretBox(db);
    const sealed = box.seal(SECRET, 'hook-1');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(SECRET.slice(0, 16));
    expect(lstatSync(`${db}.key`).mode & 0o777).toBe(0o600);
    expect(box.open(sealed, 'hook-1')).toEqual({ secret: SECRET, problem: null });
    expect(secretBox(db).open(sealed, 'hook-1').secret).toBe(SECRET); // a later open reads the same file
    expect(box.seal(SECRET, 'hook-1')).not.toBe(sealed); // a fresh IV each time
  });

  it('a sealed value moved to another row, or altered, does not open', () => {
    const box = secretBox(join(t.dir, 'two.duckdb'));
    const sealed = box.seal(SECRET, 'hook-1');
    expect(box.open(sealed, 'hook-2')).toMatchObject({ secret: null, problem: expect.stringMatching(/hook-2 does not open/) });
    const altered = sealed.slice(0, -3) + (sealed.endsWith('AAA') ? 'BBB' : 'AAA');
    expect(box.open(altered, 'hook-1').secret).toBeNull();
  });

  it('a value stored in clear (a store from before sealing) is read as it is', () => {
    expect(secretBox(join(t.dir, 'three.duckdb')).open(SECRET, 'hook-1')).toEqual({ secret: SECRET, problem: null });
  });

  it('a missing key file, or one holding another key, is named with the way out', () => {
    const db = join(t.dir, 'four.duckdb');
    const sealed = secretBox(db).seal(SECRET, 'hook-1');
    const key = readFileSync(`${db}.key`, 'utf8');
    rmSync(`${db}.key`);
    expect(secretBox(db).open(sealed, 'hook-1').problem).toMatch(new RegExp(`key file ${db}.key is missing: restore the key file`));
    secretBox(db).seal('other', 'hook-9'); // creates a new key
    expect(secretBox(db).open(sealed, 'hook-1').problem).toMatch(/does not hold \(it holds [0-9a-f]{8}\)/);
    writeFileSync(`${db}.key`, key, { mode: 0o600 });
    expect(secretBox(db).open(sealed, 'hook-1').secret).toBe(SECRET);
  });

  it('refuses a key file others can read, a symlink, or one that is not a key', () => {
    const db = join(t.dir, 'five.duckdb');
    const sealed = secretBox(db).seal(SECRET, 'hook-1');
    chmodSync(`${db}.key`, 0o644);
    expect(secretBox(db).open(sealed, 'hook-1').problem).toMatch(/can be read by other users \(mode 644\): run chmod 600/);
    expect(() => secretBox(db).seal(SECRET, 'hook-2')).toThrow(/chmod 600/);
    chmodSync(`${db}.key`, 0o600);
    const link = join(t.dir, 'link.duckdb');
    symlinkSync(`${db}.key`, `${link}.key`);
    expect(() => secretBox(link).seal(SECRET, 'hook-1')).toThrow(/not a regular file/);
    writeFileSync(join(t.dir, 'six.duckdb.key'), 'not a key\n', { mode: 0o600 });
    expect(() => secretBox(join(t.dir, 'six.duckdb')).seal(SECRET, 'hook-1')).toThrow(/line 1 is not a key/);
  });

  it('a new key seals while the old still opens, until the old ones are dropped', () => {
    const db = join(t.dir, 'seven.duckdb');
    const box = secretBox(db);
    const old = box.seal(SECRET, 'hook-1');
    const id = box.addKey();
    expect(readFileSync(`${db}.key`, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(box.seal(SECRET, 'hook-1')).toMatch(new RegExp(`^enc1\\.${id}\\.`));
    expect(box.open(old, 'hook-1').secret).toBe(SECRET);
    box.dropOldKeys();
    expect(readFileSync(`${db}.key`, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(lstatSync(`${db}.key`).mode & 0o777).toBe(0o600);
    expect(box.open(old, 'hook-1').secret).toBeNull();
  });

  it(':memory: keeps its key in memory', () => {
    const box = secretBox(':memory:');
    expect(box.keyPath).toBeNull();
    expect(box.open(box.seal(SECRET, 'h'), 'h').secret).toBe(SECRET);
  });
});
