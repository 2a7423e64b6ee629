/**
 * `events add --file`: the file's bytes are read as strict UTF-8 JSON with each key given once,
 * as a request body is; a refusal exits 2 before the database is opened.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, sampleEvent } from '../../../test/helpers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'events-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'never-opened.duckdb');

// SYNTHETIC event files: a title in Latin-1 bytes, and an id given twice.
describe('events add --file', () => {
  it('refuses a file that is not UTF-8, naming the byte (exit 2), never storing U+FFFD', async () => {
    const f = join(dir, 'latin1.json');
    writeFileSync(f, Buffer.from(JSON.stringify(sampleEvent({ title: 'Café blocks' })), 'latin1'));
    const r = await cli(['events', 'add', '--file', f, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error.message).toMatch(/latin1\.json is not valid UTF-8 at byte \d+ \(0xe9/);
  });
  it('refuses a key given twice, naming it (exit 2)', async () => {
    const f = join(dir, 'twice.json');
    writeFileSync(f, JSON.stringify(sampleEvent()).replace(/^\{/, '{"id":"xx-2020-other",'));
    const r = await cli(['events', 'add', '--file', f, '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'id' }] });
  });
});
