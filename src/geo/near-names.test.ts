// Edit distance and possessives on names from STOP area texts (data/events) and the shipped gazetteer.
import { describe, expect, it } from 'vitest';
import { editDistance } from './near-names.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps; a vowel for a vowel counts half', () => {
    expect(editDistance('vologograd', 'volgograd', 2)).toBe(1);
    expect(editDistance('slovyansk', 'sloviansk', 2)).toBe(0.5);
    expect(editDistance('mehasana', 'mahesana', 2)).toBe(1);
    expect(editDistance('kyuakme', 'kyaukme', 2)).toBe(1); // a swap of neighbours is one edit
    expect(editDistance('lunawada', 'lunavada', 2)).toBe(1);
  });

  it('stops past the limit', () => {
    expect(editDistance('shaktipur', 'singapore', 1)).toBeGreaterThan(1);
    expect(editDistance('ab', 'abcdef', 1)).toBeGreaterThan(1);
  });
});
