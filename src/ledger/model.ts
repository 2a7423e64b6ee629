/**
 * The event model, validated with zod at every edge (API body, CLI file, seed file, import).
 * The JSON keys are a public contract: id, title, summary, category, subtype,
 * countries, regions, start, end, date_precision, scope, targets, actors, networks,
 * people_affected, tags, confidence, status, sources, revision, created_at, updated_at; and
 * what the geocoder made of the area (places, population_affected, geocode: see src/geo/geocode.ts).
 */
import { z } from 'zod';
import { isRegionCode, regionCountries } from '../geo/index.js';
import { check } from '../op/index.js';
import { areaIssues } from './area-check.js';
import { isValidPartialDate, partialDateEnd, partialDateStart, validationError, issuesFromZod, type FieldIssue } from '../shared/index.js';
import { ACTOR_ROLES, CATEGORIES, CONFIDENCES, DATE_PRECISIONS, SCOPES, STATUSES, TARGET_KINDS, TAXONOMY, isSubtypeOf } from './taxonomy.js';

export const EVENT_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const partialDate = z.string().refine(isValidPartialDate, 'must be a date: YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset');

const url = z.string().refine((s) => {
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(s)) return true;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL (or a urn:)');

export const SourceSchema = z.object({
  url,
  title: z.string().min(1, 'a source needs a title'),
  publisher: z.string().min(1, 'a source needs a publisher'),
  published: partialDate.nullable().default(null),
  archive_url: url.nullable().default(null),
  locator: z.string().nullable().default(null),
});
export type Source = z.infer<typeof SourceSchema>;

const countryCode = check.knownCountryCode;
const regionCode = z.string().refine(isRegionCode, 'unknown ISO 3166-2 region code');

const confidence = z.enum(['high', 'medium', 'low']);

/** A district or place below the event's regions, with its population and how it was estimated. */
export const GeoPlaceSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['region', 'district', 'place']),
  region: z.string().nullable().default(null),
  region_name: z.string().nullable().default(null),
  population: z.number().int().nonnegative(),
  population_method: z.string(),
  geonames_id: z.number().int().nullable().default(null),
  confidence,
  near_match: z
    .object({ text: z.string(), name: z.string(), edits: z.number().positive() })
    .optional()
    .describe(
      'set when the area text spells the name differently (a typo or transliteration): what it said, the gazetteer name matched, the edits between (a vowel for a vowel counts half)',
    ),
  part: z
    .string()
    .optional()
    .describe(
      'set when the area text names only a part of the unit ("parts of"): the phrase; the population is then half the unit\'s, the expected share of a part of unstated size',
    ),
});

/** The population of the affected area: an estimate with its method, confidence and sources. */
export const PopulationAffectedSchema = z.object({
  estimate: z.number().int().nonnegative(),
  share: z.number().min(0).max(1).describe('share of the national population'),
  method: z.string(),
  confidence,
  national_population: z.number().nonnegative(),
  year: z.number().int(),
  sources: z.array(z.string()),
  note: z.string().nullable().default(null),
});

/** What geocoding the area gave: ok, partial (some words unmatched), failed (with why), or national. */
export const GeocodeSchema = z.object({
  status: z.enum(['ok', 'partial', 'failed', 'national', 'manual']),
  text: z.string(),
  reason: z.string().nullable().default(null),
  unmatched: z.array(z.string()).default([]),
});

/** The fields a user supplies. Revision and timestamps are the ledger's own. */
export const EventInputSchema = z
  .object({
    id: z.string().regex(EVENT_ID_RE, 'lowercase words joined by "-", e.g. ru-2018-telegram-block').max(120).optional(),
    title: z.string().trim().min(3).max(300),
    summary: z.string().trim().max(5000).default(''),
    category: z.enum(CATEGORIES, { message: `must be one of: ${CATEGORIES.join(', ')}` }),
    subtype: z.string().min(1),
    countries: z.array(countryCode).min(1, 'at least one country'),
    regions: z.array(regionCode).default([]),
    start: partialDate,
    end: partialDate.nullable().default(null),
    date_precision: z.enum(DATE_PRECISIONS).default('day'),
    scope: z.enum(SCOPES),
    targets: z.array(z.object({ kind: z.enum(TARGET_KINDS), name: z.string().min(1) })).default([]),
    actors: z.array(z.object({ role: z.enum(ACTOR_ROLES), name: z.string().min(1) })).default([]),
    networks: z.array(z.string().regex(/^AS\d+$/, 'an ASN like AS12389')).default([]),
    people_affected: z
      .object({
        estimate: z.number().int().nonnegative(),
        unit: z.string().default('people'),
        source_url: url.nullable().default(null),
        note: z.string().nullable().default(null),
      })
      .nullable()
      .default(null),
    places: z.array(GeoPlaceSchema).default([]),
    population_affected: PopulationAffectedSchema.nullable().default(null),
    geocode: GeocodeSchema.nullable().default(null),
    tags: z.array(z.string().min(1).max(60)).default([]),
    confidence: z.enum(CONFIDENCES).default('medium'),
    status: z.enum(['active', 'draft']).default('active'),
    sources: z.array(SourceSchema).min(1, 'every event needs at least one source'),
    notes: z.string().nullable().default(null),
  })
  .superRefine((e, ctx) => {
    if (!isSubtypeOf(e.category, e.subtype)) {
      ctx.addIssue({
        code: 'custom',
        path: ['subtype'],
        message: `"${e.subtype}" is not a subtype of ${e.category}; valid: ${TAXONOMY[e.category].join(', ')}`,
      });
    }
    // a date known to the month or year stands for its whole period: an end is compared by its
    // last day, a start by its first (start 2025-06-06 with end 2025-06 is valid)
    if (e.end !== null && partialDateEnd(e.end).getTime() < partialDateStart(e.start).getTime()) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${e.end}) is before start (${e.start})` });
    }
    e.regions.forEach((r, i) => {
      if (isRegionCode(r) && !regionCountries(r).some((c) => e.countries.includes(c))) {
        ctx.addIssue({ code: 'custom', path: ['regions', i], message: `${r} is not in any of the event's countries (${e.countries.join(', ')})` });
      }
    });
    for (const issue of repeatedValues(e)) ctx.addIssue({ code: 'custom', ...issue });
    for (const issue of areaIssues(e)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** The lists of an event whose values are sets: a country, region, tag or network is listed once. */
const SET_FIELDS = ['countries', 'regions', 'tags', 'networks'] as const;

/**
 * One issue per value listed again in a set field, at the later index: an event of ["RU", "RU"]
 * would be one event in Russia counted twice wherever events are summed per country.
 */
function repeatedValues(e: Record<(typeof SET_FIELDS)[number], string[]>): FieldIssue[] {
  return SET_FIELDS.flatMap((field) => {
    const first = new Map<string, number>();
    return e[field].flatMap((v, i) => {
      const j = first.get(v);
      if (j === undefined) first.set(v, i);
      return j === undefined ? [] : [{ path: [field, i], message: `${JSON.stringify(v)} is listed already at ${field}[${j}]; list each once` }];
    });
  });
}

export type EventInput = z.input<typeof EventInputSchema>;

/** What a replacement of an event (HTTP PUT) carries beside the event's fields. */
export const EventEditFieldsSchema = z.object({
  reason: z.string().max(2000).optional().meta({ description: 'why the event changed (kept in its history, as events edit --reason)' }),
  revision: z.number().int().min(1).optional().meta({ description: 'the revision edited, when no If-Match header is sent (If-Match wins when both are)' }),
});

/** The body of an event replacement: the event's fields, its reason and the revision edited. */
export const EventReplaceSchema = EventInputSchema.safeExtend(EventEditFieldsSchema.shape);
export type EventFields = z.output<typeof EventInputSchema>;

/** An event as the ledger stores and returns it: the user's fields plus the ledger's own. */
export const LedgerEventSchema = z
  .object({
    ...EventInputSchema.shape,
    id: z.string(),
    status: z.enum(STATUSES),
    revision: z.number().int().meta({ description: 'starts at 1; every change adds one (the ETag of GET /api/events/{id})' }),
    created_at: z.string(),
    updated_at: z.string(),
    region_notes: z
      .array(z.object({ code: z.string(), equivalents: z.array(z.string()), note: z.string() }))
      .optional()
      .meta({ description: 'regions whose code has equivalents (e.g. disputed areas), with a note' }),
  })
  .meta({ id: 'Event' });
export type LedgerEvent = z.output<typeof LedgerEventSchema>;

/** Fields the ledger sets itself (and the links and evidence `events show` adds): a document sent back as it was read may carry them; they are not the sender's to set. */
const LEDGER_OWN_FIELDS: readonly string[] = ['revision', 'created_at', 'updated_at', 'region_notes', 'links', 'measurement_evidence'];

/**
 * The top-level keys of an event document that name no event field, one issue each: a mistyped
 * field ("note" for "notes") is refused, never dropped without a word. `extra` names keys the
 * caller reads itself (the reason of an HTTP PUT). The ledger's own fields pass (they are ignored).
 */
export function unknownEventFields(input: unknown, extra: readonly string[] = []): FieldIssue[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const known = Object.keys(EventInputSchema.shape);
  const near = (k: string) => known.find((f) => f !== k && (f.toLowerCase() === k.toLowerCase().replace(/-/g, '_') || f === `${k}s` || `${f}s` === k));
  return Object.keys(input)
    .filter((k) => !known.includes(k) && !LEDGER_OWN_FIELDS.includes(k) && !extra.includes(k))
    .map((k) => {
      const hint = near(k);
      return { path: [k], message: `not an event field${hint ? ` (did you mean ${hint}?)` : ''}; the fields are ${known.join(', ')}` };
    });
}

/**
 * Every fault of a user's event document in one list, so the sender fixes them all at once:
 * the keys that name no event field (unknownEventFields, `extra` as there) and each value
 * `schema` refuses. `schema` is the event's (EventInputSchema) or an HTTP replacement's
 * (EventReplaceSchema, which checks its reason and revision as well).
 */
export function eventDocumentIssues(
  input: unknown,
  extra: readonly string[] = [],
  schema: typeof EventInputSchema | typeof EventReplaceSchema = EventInputSchema,
): FieldIssue[] {
  const r = schema.safeParse(input);
  return [...unknownEventFields(input, extra), ...(r.success ? [] : issuesFromZod(r.error, input))];
}

/**
 * The value of one `field=value` typed on a command line: JSON when it reads as JSON, else the
 * text. A field the event schema types as text takes the text itself when its JSON reading is a
 * number or a boolean, so `end=2025` is the year "2025" and `title=1984` the title "1984";
 * `end=null` and `tags=["a"]` keep their JSON meaning.
 */
export function eventFieldValue(field: string, raw: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (typeof value !== 'number' && typeof value !== 'boolean') return value;
  const schema = (EventInputSchema.shape as Record<string, z.ZodType | undefined>)[field];
  const r = schema?.safeParse(value);
  const wantsText = r?.success === false && r.error.issues.some((i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected === 'string');
  return wantsText ? raw : value;
}

/** Validate user input; throw a VALIDATION AppError naming every bad field. */
export function parseEventInput(input: unknown, prefix = 'invalid event'): EventFields {
  const r = EventInputSchema.safeParse(input);
  if (!r.success) throw validationError(issuesFromZod(r.error, input), prefix);
  return r.data;
}
