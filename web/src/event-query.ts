/**
 * The events list's filters: every filter GET /api/events takes (the web typecheck fails when
 * the API documents one this list lacks), so a link the dashboard or anyone writes
 * (`/events?region=RU-MOW`, `?subtype=mobile`) lists exactly the events the API lists for it.
 */
import type { operations } from './api-types.js';

type ListQuery = NonNullable<operations['events.list']['parameters']['query']>;
/** Paging and the answer's format are the page's own business, not filters of the list. */
type FilterKey = Exclude<keyof ListQuery, 'cursor' | 'limit' | 'format'>;

/** The filters in form order. */
export const EVENT_FILTERS = [
  'country',
  'region',
  'category',
  'subtype',
  'from',
  'started_from',
  'to',
  'q',
  'status',
  'origin',
  'include_retracted',
] as const satisfies readonly FilterKey[];
type Missing = Exclude<FilterKey, (typeof EVENT_FILTERS)[number]>;
export const EVERY_FILTER_LISTED: [Missing] extends [never] ? true : Missing = true;

/** With `id` the list is those events: `country` heads it, no other filter applies. */
export const EVENTS_PAGE_PARAMS = [...EVENT_FILTERS, 'id'] as const;

export type EventFilterValues = Record<(typeof EVENT_FILTERS)[number], string>;

/** Each filter's value from the page's URL ('' when not given); country upper-cased as the API reads it. */
export function eventFilters(query: URLSearchParams): EventFilterValues {
  const f = Object.fromEntries(EVENT_FILTERS.map((k) => [k, (query.get(k) ?? '').trim()])) as EventFilterValues;
  f.country = f.country.toUpperCase();
  return f;
}

/** The filters given beside `id`, which a list by id cannot apply (country only heads it). */
export const filtersBesideIds = (query: URLSearchParams): string[] => (query.has('id') ? EVENT_FILTERS.filter((k) => k !== 'country' && query.has(k)) : []);
