import { describe, expect, it } from 'vitest';
import { corroborate } from './corroborate.js';

const H = 3_600_000;

describe('k-of-networks corroboration', () => {
  it('needs k networks in state at once; one network alone is not a country event', () => {
    expect(corroborate([{ member: 'AS1', start: 0, end: 10 * H }], 2, 0)).toEqual([]);
    const eps = corroborate(
      [
        { member: 'AS1', start: 0, end: 10 * H },
        { member: 'AS2', start: 2 * H, end: 12 * H },
        { member: 'AS3', start: 50 * H, end: 60 * H },
      ],
      2,
      0,
    );
    // Corroborated from the moment the second network joins (no window): 2 h.
    expect(eps).toEqual([{ start: 2 * H, end: 10 * H, members: ['AS1', 'AS2'], peak: 2 }]);
  });

  it('lets intervals within the window corroborate, and keeps open intervals open', () => {
    const eps = corroborate(
      [
        { member: 'AS1', start: 0, end: 5 * H },
        { member: 'AS2', start: 8 * H, end: null },
        { member: 'AS3', start: 9 * H, end: null },
      ],
      2,
      6 * H,
    );
    expect(eps).toHaveLength(1);
    // AS1 ended 3 h before AS2 began (inside the 6 h window): it corroborates, but its onset is
    // too early to be the country onset, which is AS2's.
    expect(eps[0]).toMatchObject({ start: 8 * H, end: null, members: ['AS1', 'AS2', 'AS3'] });
  });

  it('counts a network once even when its own state flaps', () => {
    const eps = corroborate(
      [
        { member: 'AS1', start: 0, end: 2 * H },
        { member: 'AS1', start: 3 * H, end: 5 * H },
      ],
      2,
      2 * H,
    );
    expect(eps).toEqual([]);
  });
});
