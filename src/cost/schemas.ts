/**
 * The published shapes of cost results: what GET /api/cost, /api/cost/regions,
 * /api/events/{id}/cost, /api/cost/events, /api/cost/compare and /api/cost/methods answer and
 * `splinternet cost ... --json` prints. src/cost/ops.ts checks the engine's return types
 * against these; the parity test parses real answers with them.
 */
import { z } from 'zod';
import { LEDGER_COST_COLUMNS } from './ledger-cost.js';
import type { ScenarioView } from './service.js';
import { METHOD_IDS, SCENARIO_TYPES } from './types.js';

const money = { median: z.number(), low: z.number(), high: z.number(), point: z.number() };
const MoneySchema = z.object(money);
const nullableNumber = z.number().nullable();

export const UsdSchema = z
  .object({
    ...money,
    rate: z.number().meta({
      description:
        "units of the amounts' currency per US$, the rate that turns them into these US dollars (see rate_unit: the local currency's, or the --currency asked for when it is neither local nor USD; 1 USD/USD when the method computed in US$ and nothing was converted)",
    }),
    rate_unit: z.string(),
    rate_date: z.string().nullable().meta({ description: "the date, day range or year of each period's rate; null when no rate was applied (1 USD/USD)" }),
    rate_kind: z.string(),
  })
  .meta({ id: 'CostUsd' });

export const CostInputSchema = z
  .object({
    name: z.string(),
    value: z.union([z.number(), z.string()]),
    unit: z.string(),
    source: z.string(),
    year: nullableNumber,
    geo: z.string().optional(),
    vintage: z.string().optional(),
    note: z.string().optional(),
    distribution: z.string().optional(),
  })
  .meta({ id: 'CostInput', description: 'one number an estimate used, with its source' });

const RateLineSchema = z.object({
  period: z.string(),
  rate: nullableNumber,
  kind: z.string().nullable(),
  date: z.string().nullable(),
  source: z.string().nullable(),
  note: z.string().optional(),
});

const PeriodSchema = z
  .object({
    period: z.string(),
    year: nullableNumber,
    data_year: z.number(),
    hours: z.number(),
    ...money,
    usd: z.object({ ...money, rate: nullableNumber, rate_date: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'CostPeriod' });

export const EstimateSchema = z
  .object({
    method: z.string().meta({ description: METHOD_IDS.join(', ') }),
    method_version: z.string(),
    title: z.string(),
    currency: z.string(),
    ...money,
    usd: UsdSchema.nullable(),
    regions: z.array(z.object({ code: z.string(), name: z.string(), ...money, usd: UsdSchema.nullable() })),
    inputs: z.array(CostInputSchema),
    years: z.array(z.number()),
    data_vintage: z.array(z.string()),
    proxy: z.string().nullable(),
    notes: z.array(z.string()),
    rates: z.array(RateLineSchema),
    periods: z.array(PeriodSchema).meta({ description: 'one calendar-year period of the span each, priced with its data year and its own exchange rate' }),
    draws: z.number().int(),
    seed: z.number().int(),
    interval: z.literal(0.9),
  })
  .meta({ id: 'CostEstimate' });

export const ScenarioViewSchema = z
  .object({
    country: z.string(),
    regions: z.array(z.string()),
    type: z.enum(SCENARIO_TYPES),
    platform: z.string().nullable(),
    severity: nullableNumber,
    isp_share: nullableNumber,
    platform_weight: nullableNumber,
    mobile_share: nullableNumber,
    affected: z
      .object({
        share: z.number(),
        confidence: z.enum(['high', 'medium', 'low']),
        basis: z.string(),
        low: z.number().optional().describe('low end of an imputed share (the lower quartile of placed events)'),
        high: z.number().optional().describe('high end of an imputed share (the upper quartile of placed events)'),
        values: z
          .array(z.number())
          .optional()
          .describe("an imputed share's reference class: the shares of the events it is taken from, each drawn with equal chance in the Monte Carlo"),
      })
      .nullable(),
    platform_weight_class: z
      .object({ values: z.array(z.number()), basis: z.string() })
      .nullable()
      .meta({
        description:
          "a block's weight imputed from its reference class (a block of social media that names no platform: the weights of the country's blocks that named theirs), each value equally likely; platform_weight is its median; null = the table's or the request's",
      }),
    block_effect: z.object({ low: z.number(), high: z.number(), basis: z.string() }).nullable().meta({
      description:
        "a block its sources say did not stop the service (ledger tag `circumvented`): the share of the platform's use it stopped, uniform over [low, high], multiplies the platform's weight; null = all of it",
    }),
    brief_cut: z
      .object({ basis: z.string(), area: z.object({ share: z.number(), low: z.number(), high: z.number(), basis: z.string() }).nullable() })
      .nullable()
      .meta({
        description:
          'a record of blocks whose text also names a whole-network cut it calls brief ("a brief complete shutdown") or dates to one day: that cut, its length not stated, is priced as 0–24 h of the span (8 h on average), added to the blocks; `area`: the share of the country it reached where the text names its place ("on Nov. 26 in Astana"; its range low–high), null = the whole country; null = none',
      }),
    unrecorded_networks: z.object({ p_whole: z.number(), basis: z.string() }).nullable().meta({
      description:
        "a cut whose networks were not recorded: priced as the whole network with chance p_whole (the share of its country's recorded cuts that took both mobile and fixed), else as mobile data only; null = as its type says",
    }),
    active: z
      .object({ share: z.number(), low: z.number(), high: z.number(), basis: z.string() })
      .nullable()
      .meta({ description: 'share of the span the network was actually cut (a schedule of a few hours a day), with its range; null = the whole span' }),
    narrowed: z.object({ from: z.string(), share: z.number(), low: z.number(), high: z.number(), basis: z.string() }).nullable().meta({
      description:
        'from `from` on, the share of the country cut off (its range low–high): the record says most of the area was restored then and names the place left cut off, or that the cut ended then and traffic came back over the following days (the share still cut while it did); null = the same area over the whole span',
    }),
    still_cut: z
      .object({ years: z.array(z.number()), later: z.boolean(), low: z.number(), high: z.number(), basis: z.string() })
      .nullable()
      .meta({
        description:
          'years whose STOP record says the cut was largely, not wholly, in place ("remain largely inaccessible"): those years\' area (and, with `later`, every year after the last of them) is priced × uniform(low, high); null = the whole area every year',
      }),
    cut_part: z.object({ low: z.number(), high: z.number(), slowed: z.number().nullable(), basis: z.string() }).nullable().meta({
      description:
        'a record STOP files as "Shutdown, Throttle" whose split between cut and slowed hours is not recorded: the span is priced × the share cut, uniform(low, high), plus the rest × `slowed` (the severity given in the request; null = the slowed hours are not priced); null = cut throughout',
    }),
    platform_phases: z
      .object({ shares: z.record(z.string(), z.number()), basis: z.string() })
      .nullable()
      .meta({
        description:
          'share of the span each platform of a block was blocked, where the record says some were lifted before the rest (platforms not listed: the whole span); null = every platform the whole span',
      }),
    start: z.string().nullable(),
    end: z.string().nullable(),
    tz: z.string(),
    hours: z.number(),
    year: nullableNumber,
    currency: z.string(),
    local_currency: z.string(),
    methods: z.array(z.enum(METHOD_IDS)),
    draws: z.number().int(),
    seed: z.number().int(),
    periods: z.array(z.object({ year: nullableNumber, from: z.string().nullable(), to: z.string().nullable(), hours: z.number() })),
  })
  .meta({ id: 'CostScenario', description: 'the scenario as validated (defaults filled in), with its calendar-year periods' });

/** A field added to the scenario view must be published too: this fails to compile otherwise. */
const scenarioKeysMatch: [keyof ScenarioView] extends [keyof z.infer<typeof ScenarioViewSchema>] ? true : never = true;
void scenarioKeysMatch;

const costResultShape = {
  scenario: ScenarioViewSchema,
  estimates: z.array(EstimateSchema),
  spread: z.object({ currency: z.string(), methods: z.number().int(), min_median: z.number(), max_median: z.number(), ratio: nullableNumber }).nullable(),
  skipped: z.array(z.object({ method: z.string(), parameter: z.string(), reason: z.string() })),
};

export const CostResultSchema = z.object(costResultShape).meta({ id: 'CostResult' });

export const CostBatchSchema = z.union([CostResultSchema, z.object({ items: z.array(CostResultSchema) })]).meta({ id: 'CostBatch' });

export const RegionsResultSchema = z
  .object({
    items: z.array(z.object({ code: z.string(), name: z.string(), currency: z.string(), ...money, usd: UsdSchema.nullable() })),
    method: z.string(),
    method_version: z.string(),
    currency: z.string(),
    scenario: ScenarioViewSchema,
    total: MoneySchema,
    inputs: z.array(CostInputSchema),
    data_years: z.array(z.number()).meta({ description: 'the years of the data read' }),
    data_vintage: z.array(z.string()),
    sources: z.array(z.string()).meta({ description: 'the sources of the data records the figures read (the assumptions are in inputs)' }),
    notes: z.array(z.string()),
    rates: z.array(RateLineSchema),
  })
  .meta({ id: 'CostRegions' });

const MissingSchema = z.object({ field: z.string(), reason: z.string() });

export const EventCostSchema = z
  .object({
    event: z.object({
      id: z.string(),
      title: z.string(),
      category: z.string(),
      subtype: z.string(),
      countries: z.array(z.string()),
      regions: z.array(z.string()),
      start: z.string(),
      end: z.string().nullable(),
      end_not_recorded: z.boolean().meta({
        description: 'true when the event has no end and its source recorded none it trusts (not marked ongoing): the end is unknown, not ongoing',
      }),
      status: z.string(),
    }),
    mapping: z.array(z.string()).meta({ description: 'how the event became a scenario' }),
    missing: z.array(MissingSchema).meta({ description: 'what the ledger does not record and the scenario needs (supply it as a parameter)' }),
    estimates: z.array(EstimateSchema),
    scenario: costResultShape.scenario.optional(),
    spread: costResultShape.spread.optional(),
    skipped: costResultShape.skipped.optional(),
  })
  .meta({ id: 'EventCost' });

const flat = z.union([z.string(), z.number()]).nullable();

export const LedgerCostRowSchema = z
  .object(Object.fromEntries(LEDGER_COST_COLUMNS.map((c) => [c, flat])) as Record<(typeof LEDGER_COST_COLUMNS)[number], typeof flat>)
  .meta({ id: 'LedgerCostRow' });

const OverridesSchema = z
  .object({
    country: z.string().optional(),
    severity: z.number().optional(),
    isp_share: z.number().optional(),
    platform_weight: z.number().optional(),
    end: z.string().optional(),
    method: z.union([z.string(), z.array(z.string())]).optional(),
    currency: z.string().optional(),
    draws: z.number().int().optional(),
    seed: z.number().int().optional(),
  })
  .meta({ id: 'CostOverrides', description: 'the pricing overrides applied to every event' });

const ledgerCostCounts = {
  filters: z.object({
    country: z.string().optional(),
    region: z.string().optional(),
    category: z.string().optional(),
    subtype: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    q: z.string().optional(),
  }),
  overrides: OverridesSchema,
  events_read: z.number().int(),
  events_priced: z.number().int(),
  events_not_priced: z.number().int(),
  events_outside_window: z.number().int().meta({
    description:
      'events the from/to filter selected as ongoing whose priced span (an end imputed, or --end) lies wholly outside the window: left out of the rows',
  }),
  outside_window: z.array(z.object({ event_id: z.string(), priced_from: z.string(), priced_to: z.string() })),
  estimates: z.number().int(),
  missing_by_field: z.record(z.string(), z.number()).meta({ description: 'events not priced, by the field they miss' }),
};

export const LedgerCostSchema = z.object({ ...ledgerCostCounts, items: z.array(LedgerCostRowSchema) }).meta({ id: 'LedgerCost' });

/** The CLI's `cost events --format`: the counts and the file's body (utf8 text or base64). */
export const LedgerCostFileSchema = z.object({
  ...ledgerCostCounts,
  format: z.string(),
  rows: z.number().int(),
  body: z.string(),
  encoding: z.enum(['utf8', 'base64']),
});

export const CostCompareSchema = z
  .object({
    source: z.object({ title: z.string(), url: z.string() }),
    method: z.string(),
    overrides: OverridesSchema,
    rows: z.array(
      z
        .object({
          country: z.string(),
          year: z.number(),
          ours: z.record(z.string(), z.number()).meta({ description: "USD, sum of the events' medians in the year, per method" }),
          ours_leaves_out: z.record(z.string(), z.array(z.string())).meta({
            description:
              "per method whose total is over part of the row's events (ozi-regional and deloitte-2016 do not price platform blocks): the ids of the events it leaves out; a method not named here priced every event of the row",
          }),
          theirs: nullableNumber,
          ratio: nullableNumber,
          within: z.enum(['3x', '10x', 'beyond 10x']).nullable(),
          their_hours: nullableNumber,
          their_users: nullableNumber,
          our_hours: z.number(),
          our_users: z.number(),
          events: z.array(z.object({ id: z.string(), title: z.string(), hours: z.number(), usd: nullableNumber })),
          events_not_priced: z.array(z.object({ id: z.string(), title: z.string(), missing: z.string() })),
          their_area: z.string().nullable().meta({
            description: 'the part of the country Top10VPN\'s row is for, where its table names one ("Pakistan - Azad Kashmir"); null for the whole country',
          }),
          events_outside_area: z
            .array(z.object({ id: z.string(), title: z.string(), hours: z.number(), usd: nullableNumber }))
            .meta({ description: 'where their_area is set: our events of the country and year outside that area, in neither total (usd null: not priced)' }),
          cause: z.string().nullable().meta({ description: 'where ours and theirs differ by more than 3×: the causes below, in words' }),
          causes: z
            .array(
              z.object({
                factor: z.enum(['hours', 'users affected', 'price per user-hour']),
                ours: nullableNumber,
                theirs: nullableNumber,
                ratio: z.number().meta({ description: 'ours / theirs for this factor; the factors multiply to the row ratio' }),
                explanation: z.string(),
              }),
            )
            .meta({ description: 'the factors beyond 2× (or the price per user-hour when none is), largest first; empty within 3×' }),
        })
        .meta({ id: 'CostCompareRow' }),
    ),
    summary: z.object({
      both: z.number(),
      within_3x: z.number(),
      within_10x: z.number(),
      share_within_3x: z.number().nullable().meta({ description: 'within_3x / both; null when no country-year is in both' }),
      share_within_10x: z.number().nullable().meta({ description: 'within_10x / both; null when no country-year is in both' }),
      ours_only: z.number(),
      theirs_only: z.number(),
    }),
    notes: z.array(z.string()),
  })
  .meta({ id: 'CostCompare' });

/** `cost compare --format`: the summary and the file's body (utf8 text or base64). */
export const CostCompareFileSchema = z.object({
  method: z.string(),
  summary: CostCompareSchema.shape.summary,
  format: z.string(),
  rows: z.number().int(),
  body: z.string(),
  encoding: z.enum(['utf8', 'base64']),
});

const DistSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), value: z.number() }),
  z.object({ kind: z.literal('triangular'), low: z.number(), mode: z.number(), high: z.number() }),
  z.object({ kind: z.literal('uniform'), low: z.number(), high: z.number() }),
  z.object({ kind: z.literal('lognormal'), median: z.number(), sigma: z.number() }),
  z.object({ kind: z.literal('empirical'), values: z.array(z.number()) }),
  z.object({ kind: z.literal('bernoulli'), p: z.number() }),
]);

export const CostMethodsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.enum(METHOD_IDS),
        version: z.string(),
        title: z.string(),
        summary: z.string(),
        formula: z.string(),
        types: z.array(z.enum(SCENARIO_TYPES)).readonly(),
        reference_year: nullableNumber,
        params: z.array(z.object({ name: z.string(), description: z.string(), dist: DistSchema, source: z.string() })),
        citation: z.array(z.string()),
        calibration: z.record(z.string(), z.unknown()).optional().meta({ description: "the method's calibration against its published figures" }),
      }),
    ),
  })
  .meta({ id: 'CostMethods' });
