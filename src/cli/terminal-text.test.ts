// Human output never carries terminal control characters from stored text: an event title with
// escape sequences or a carriage return (which could erase lines and forge others on the
// operator's terminal) is printed escaped by `watch-new`, `events show` and `tokens list`;
// --json output keeps the text as stored (SYNTHETIC event and token names). A line feed in stored
// text is shown as `\n` wherever a report puts that text into one of its own lines, so it cannot
// print a line the report did not write: real STOP actor names and summaries that hold line breaks
// (test/fixtures/stop/pakistan-2019.csv), and a SYNTHETIC title that forges a `status:` line.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createToken } from '../ledger/index.js';
import { packagePath, systemClock } from '../shared/index.js';
import { openStore } from '../store/index.js';
import { cli, sampleEvent, tempDir } from '../../test/helpers/index.js';
import { escapeControls, fields } from './terminal-text.js';

const FAKE_LINE = 'Telegram block lifted\nstatus: retracted (fake line)';
const FORGED = 'Harmless\u001b[2K\r\u001b[1A\u001b[2KFAKE: Confirmed nationwide shutdown in FR';
const t = tempDir();
const db = join(t.dir, 'esc.duckdb');

beforeAll(async () => {
  const store = await openStore(db);
  const deps = { store, clock: systemClock, actor: 'tester' };
  await createEvent(deps, sampleEvent({ id: 'esc-1', title: FORGED, status: 'active' }), { actor: 'tester' });
  await createEvent(deps, sampleEvent({ id: 'esc-2', title: FAKE_LINE, status: 'active' }), { actor: 'tester' });
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

  it.each([
    [['events', 'show', 'esc-2'], 'Telegram block lifted\\nstatus: retracted (fake line)'],
    [['watch-new', '--since', '2000-01-01T00:00:00Z'], 'esc-2  Telegram block lifted\\nstatus: retracted (fake line)'],
  ])('%j shows a line feed in a title as \\n, so the title prints no line of its own', async (args, shown) => {
    const r = await cli([...args, '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(shown);
    expect(r.out.split('\n').filter((l) => l.startsWith('status:'))).toEqual([]);
  });

  it('events show prints the real STOP line breaks of actor names and a summary as \\n, each field on its line (pakistan-2019.csv)', async () => {
    const pk = join(t.dir, 'pk.duckdb');
    expect((await cli(['events', 'import', packagePath('test', 'fixtures', 'stop', 'pakistan-2019.csv'), '--snapshot', '2025-01-01', '--db', pk])).code).toBe(
      0,
    );
    const kashmir = await cli(['events', 'show', 'stop-pk-2019-08-15-azad-kashmir-6949f5', '--db', pk]);
    expect(kashmir.out).toContain('\nactors     Unknown [ordered_by], Pakistan Telecommunication Company Limited\\nand Interior Ministry [implemented_by]\n');
    const parade = await cli(['events', 'show', 'stop-pk-2019-03-23-islamabad-rawalpindi-a16b98', '--db', pk]);
    expect(parade.out).toContain('on March 23.\\n\\nMarch 23 is commemorated');
    for (const r of [kashmir, parade]) {
      const lines = r.out.split('\n');
      // the report's own lines: header, title, blank, summary, blank, the labelled fields, sources
      expect(
        lines.slice(5, 12).map((l) => l.slice(0, 11)),
        r.out,
      ).toEqual(['category   ', 'where      ', 'when       ', 'targets    ', 'actors     ', 'confidence ', 'sources:']);
      expect(lines[2]).toBe('');
      expect(lines[4]).toBe('');
    }
    const json = await cli(['events', 'show', 'stop-pk-2019-08-15-azad-kashmir-6949f5', '--json', '--db', pk]);
    expect((JSON.parse(json.out) as { actors: { name: string }[] }).actors[1]!.name).toBe('Pakistan Telecommunication Company Limited\nand Interior Ministry');
  });

  it('--json keeps the stored text', async () => {
    const r = await cli(['events', 'show', 'esc-1', '--json', '--db', db]);
    expect((JSON.parse(r.out) as { title: string }).title).toBe(FORGED);
  });

  it('fields: the template keeps its lines, every value is shown on one line', () => {
    expect(fields`${'a\nb'} [${3}]\n  ${'c\u202e'}`).toBe('a\\nb [3]\n  c\\u202e');
  });

  it('keeps line breaks and tabs between lines, and escapes bidi overrides', () => {
    expect(escapeControls('a\tb\nc\u202ed\u0000', { keepLines: true })).toBe('a\tb\nc\\u202ed\\x00');
    expect(escapeControls('a\tb\nc')).toBe('a\\tb\\nc');
  });
});
