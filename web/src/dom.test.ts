import { describe, expect, it } from 'vitest';
import { shownText } from './dom.js';

describe('text a page shows', () => {
  it('shows a bidi override and other controls as escapes, as the CLI does (SYNTHETIC title)', () => {
    expect(shownText('QA test <b>bold</b> event \u202e reversed')).toBe('QA test <b>bold</b> event \\u202e reversed');
    expect(shownText('a\u001b[2Jb\rc')).toBe('a\\x1b[2Jb\\rc');
  });

  it('keeps line feeds, tabs and every other character (Cyrillic, emoji) as they are', () => {
    expect(shownText('Республика Башкортостан\n\t✓')).toBe('Республика Башкортостан\n\t✓');
  });
});
