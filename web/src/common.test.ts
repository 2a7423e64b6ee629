import { describe, expect, it } from 'vitest';
import { eventsHref, startedIn, withCurrent } from './common.js';

describe('eventsHref', () => {
  it('a count by start year links to the events that started in those years (started_from, to), not to every event overlapping them', () => {
    expect(eventsHref({ country: 'IN', category: 'shutdown', ...startedIn(2019, 2020) })).toBe(
      '/events?country=IN&category=shutdown&started_from=2019&to=2020',
    );
  });
  it('leaves out filters that are not set', () => {
    expect(eventsHref({ country: 'RU', category: undefined, q: '' })).toBe('/events?country=RU');
  });
});

describe('withCurrent', () => {
  it("keeps a URL's value the vocabulary lacks as a choice, so a form never shows another value than the one priced or refused", () => {
    // the kinds /openapi.json documents for GET /api/detections
    const kinds = ['block', 'throttling', 'shutdown', 'outage'];
    expect(withCurrent(kinds, 'outage')).toEqual(kinds);
    expect(withCurrent(kinds, 'bogus')).toEqual([...kinds, 'bogus']);
    expect(withCurrent(kinds, '')).toEqual(kinds);
  });
});
