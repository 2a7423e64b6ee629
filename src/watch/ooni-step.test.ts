import { describe, expect, it } from 'vitest';
import { ooniCursorName, ooniWindow } from './ooni-step.js';

const o = { firstSince: null, overlapHours: 2, maxHours: 24 };
const now = new Date('2024-03-05T10:40:00Z');

describe('the OONI window of a watch cycle', () => {
  it('first cycle: the 24 hours before now, or from --ooni-since, at most maxHours', () => {
    expect(ooniWindow(null, o, now)).toEqual({ since: '2024-03-04T10', until: '2024-03-05T09' });
    expect(ooniWindow(null, { ...o, firstSince: '2024-03-05T08' }, now)).toEqual({ since: '2024-03-05T08', until: '2024-03-05T10' });
    expect(ooniWindow(null, { ...o, firstSince: '2022-11-10T09' }, now)).toEqual({ since: '2022-11-10T09', until: '2022-11-11T08' });
  });
  it('later cycles re-list the overlap before the cursor and never run past the current hour', () => {
    expect(ooniWindow('2024-03-05T10', o, now)).toEqual({ since: '2024-03-05T08', until: '2024-03-05T10' });
    expect(ooniWindow('2022-11-11T08', o, now)).toEqual({ since: '2022-11-11T06', until: '2022-11-12T05' });
    expect(ooniWindow('2030-01-01T00', o, now)).toEqual({ since: '2024-03-05T10', until: '2024-03-05T10' });
  });
  it('the cursor belongs to one bucket, set of countries and tests (order does not matter)', () => {
    const b = { bucket: { url: 'http://127.0.0.1:9/ooni' } as never, tests: ['web_connectivity', 'signal'] };
    expect(ooniCursorName(b, ['IR', 'RU'])).toBe(ooniCursorName({ ...b, tests: ['signal', 'web_connectivity'] }, ['RU', 'IR']));
    expect(ooniCursorName(b, ['IR'])).not.toBe(ooniCursorName(b, ['RU']));
  });
});
