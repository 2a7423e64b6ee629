/**
 * The input checks every operation shares, written once: country codes, ASNs, dates and date
 * ranges, pagination. Operations compose their input schemas from these, so the CLI, the API
 * and the OpenAPI document give the same answer and the same message for the same bad value.
 * (src/op/checks.test.ts fails when a country-code pattern is written anywhere else.)
 */
import { z } from 'zod';
import { isCountryCode } from '../geo/index.js';
import { isValidPartialDate } from '../shared/index.js';

/** A filter's country: two letters, upper-cased (unknown but well-formed codes just match nothing). */
export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2, e.g. RU')
  .toUpperCase()
  .meta({ description: 'ISO 3166-1 alpha-2 country code (case-insensitive)', example: 'RU' });

/** A stored country: an assigned ISO 3166-1 alpha-2 code, upper case. */
export const knownCountryCode = z.string().refine(isCountryCode, 'unknown ISO 3166-1 alpha-2 country code');

/** A network: AS12389 or 12389 (kept as given; domains normalise). */
export const asn = z
  .string()
  .regex(/^([Aa][Ss])?\d{1,10}$/, 'an ASN like AS12389 or 12389')
  .meta({ description: 'autonomous system number, AS12389 or 12389', example: 'AS12389' });

/** YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset (a real calendar date). */
export const partialDate = z.string().refine(isValidPartialDate, 'must be a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset');

/** A range's lower bound (inclusive); `until` includes its whole day/month/year. */
export const since = z.string().meta({ description: 'from this date: YYYY[-MM[-DD]] or ISO instant' });
export const until = z.string().meta({ description: 'up to and including this date: YYYY[-MM[-DD]] or ISO instant' });

/** The range filters most listings take. */
export const dateRange = { since: since.optional(), until: until.optional() };

/** A page size between 1 and `max`. */
export const limit = (max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .meta({ description: `at most this many rows (1-${max})` });

/** An opaque cursor from a previous page's next_cursor. */
export const cursor = z.string().meta({ description: "the previous page's next_cursor" });
