// Human output never carries terminal control characters from stored text: an event title with
// escape sequences or a carriage return (which could erase lines and forge others on the
// operator's terminal) is printed escaped by `watch-new`, `events show` and `tokens list`;
// --json output keeps the text as stored (SYNTHETIC event and token names).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createToken } from '../ledger/index.js';
import { systemClock } from '../shared/index.js';
import { openStore } from '../store/index.js';
import { cli, sampleEvent, tempDir } from '../../test/helpers/index.js';
import { escapeControls } from './terminal-text.js';

const FORGED = 'Harmless\u001b[2K\r\u001b[1A\u001b[2KFAKE: Confirmed nationwide shutdown in FR';
const t = tempDir();
const db = join(t.dir, 'esc.duckdb');

beforeAll(async () => {
  const store = await openStore(db);
  const deps = { store, clock: systemClock, actor: 'tester' };
  await createEvent(deps, sampleEvent({ id: 'esc-1', title: FORGED, status: 'active' }), { actor: 'tester' });
  await createToken(deps, 'name\u001b[2J\r\nforged row', { scopes: ['read'], createdBy: 'tester' });
  await store.close();
});
afterAll(() => t.cleanup());

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('human output', () => {
  it.each([
    [['watch-new', '--since', '2000-01-01T00:00:00Z'], 'Harmless\\x1b[2K\\r\\x1b[1A\\x1b[2KFAKE'],
    [['events', 'show', 'esc-1'], 'Harmless\\x1b[2K\\r\\x1b[1A\\x1b[2KFAKE'],
    [['tokens', 'list'], 'name\\x1b[2J\\r\\nforged row'],
  ])('%j prints control characters escaped', async (args, shown) => {
    const r = await cli([...args, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(CONTROLS);
    expect(r.out).toContain(shown);
  });

  it('--json keeps the stored text', async () => {
    const r = await cli(['events', 'show', 'esc-1', '--json', '--db', db]);
    expect((JSON.parse(r.out) as { title: string }).title).toBe(FORGED);
  });

  it('keeps line breaks and tabs between lines, and escapes bidi overrides', () => {
    expect(escapeControls('a\tb\nc\u202ed\u0000', { keepLines: true })).toBe('a\tb\nc\\u202ed\\x00');
    expect(escapeControls('a\tb\nc')).toBe('a\\tb\\nc');
  });
});
