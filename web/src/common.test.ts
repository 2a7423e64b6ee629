import { describe, expect, it } from 'vitest';
import { eventsHref, startedIn } from './common.js';

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
