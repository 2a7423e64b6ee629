/**
 * The wire form of a cost scenario (CLI op input, API query and body), as a zod schema: types
 * are checked here, meaning (ranges, codes, spans) in scenario.ts. Query strings and CLI options
 * arrive as text: numbers are read as plain decimals (check.number); a list parameter (region, method) may repeat or use commas.
 */
import { z } from 'zod';
import { check } from '../op/index.js';
import { isKnownCurrency } from './data/currency.js';
import { METHOD_IDS, SCENARIO_TYPES } from './types.js';

/** How a scenario without a country or a type is refused, by the schema and by parseScenario alike. */
export const MISSING = { country: 'required: an ISO 3166-1 alpha-2 code such as RU or CN', type: `required; one of ${SCENARIO_TYPES.join(', ')}` } as const;
/** A text field every scenario needs: absent, it is refused in MISSING's words. */
const needed = (key: keyof typeof MISSING) => z.string({ error: (i) => (i.input === undefined ? MISSING[key] : undefined) });

const list = z.union([z.string(), z.array(z.string())]);
const num = check.number();
/** The most Monte Carlo draws one estimate takes. */
export const MAX_DRAWS = 100_000;
/** The random seed's range, the same for every pricing entry point (a scenario, an event, the ledger). */
export const SEED_MAX = check.SEED_MAX;
// Whole numbers are digits only (check.whole): 1e3, 2.0 or " 1000" is refused, never read as another run.
/** Monte Carlo draws, the same range for every pricing entry point. */
export const drawsInput = check.whole(100, MAX_DRAWS);
// Refused at the edge, naming the value: a seed out of range is never read as an event's missing data.
const seed = check.seed;
// A data year at any size: one beyond the data's range is refused by parseScenario naming the range.
const year = check.whole();

export const ScenarioWireSchema = z.object({
  country: needed('country').describe('ISO 3166-1 alpha-2, e.g. RU'),
  region: list.optional().describe('ISO 3166-2 region(s), e.g. RU-MOW; repeat or comma-separate'),
  regions: list.optional().describe('alias of region'),
  type: needed('type').describe(`one of ${SCENARIO_TYPES.join(', ')}`),
  platform: z.string().optional().describe('platform name(s) for type platform or throttling, e.g. Telegram or "Facebook,Instagram"'),
  severity: num.optional().describe('throttling severity in [0,1] (1 = unusable)'),
  isp_share: num.optional().describe('market share of the ISP for type isp, in (0,1]'),
  platform_weight: num.optional().describe('override the platform weight table, in (0,1]'),
  mobile_share: num.optional().describe('for --type mobile or fixed: the share of the cost of a full shutdown a mobile one takes (fixed: 1 − it), in [0,1]'),
  affected_share: num.optional().describe("share of the country's population cut off, in (0,1] (a proxy for its share of output); not with region"),
  hours: num.optional().describe('duration in hours (or give start and end)'),
  start: z.string().optional().describe('YYYY-MM-DD, YYYY-MM-DDTHH:MM (in tz) or ISO date-time with offset'),
  end: z.string().optional().describe('as start; a date-only end includes that day'),
  tz: z.string().optional().describe('IANA time zone for local start/end and year boundaries (default UTC)'),
  method: list.optional().describe(`${METHOD_IDS.join(', ')} or all (default: all that can price the scenario)`),
  year: year.optional().describe('data year to use for every segment'),
  currency: z.string().optional().describe('currency of the amounts: the local one (default), USD, or e.g. RUB, CNY'),
  draws: drawsInput.optional().describe('Monte Carlo draws (default 2000, 100–100000)'),
  seed: seed.optional().describe(`random seed (default 1), 0 to ${SEED_MAX}`),
});
export type ScenarioWire = z.output<typeof ScenarioWireSchema>;

const asList = (v: string | string[] | undefined) => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')));

/** Wire form to the engine's input. */
export const fromWire = (w: ScenarioWire) => {
  const { region, regions, method, ...rest } = w;
  const r = [...(asList(region) ?? []), ...(asList(regions) ?? [])];
  return { ...rest, regions: r, method: asList(method) };
};

/**
 * Method names, checked where they enter: a name that is no method is refused, never read as a
 * method that cannot price; so is an empty one (or an empty list), never read as "every method".
 */
const methodList = list.superRefine((v, ctx) => {
  const names = (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).map((x) => x.trim());
  for (const m of names.length ? names : ['']) {
    if (m !== 'all' && !(METHOD_IDS as readonly string[]).includes(m))
      ctx.addIssue({ code: 'custom', message: `"${m}" is not a method; one of ${[...METHOD_IDS, 'all'].join(', ')}` });
  }
});

/**
 * The currency an event (or every event) is priced in, checked where it enters: an unknown code
 * is refused naming `currency` whatever the event lacks, never read after an event's own missing
 * data (an ongoing event's end) has already answered.
 */
const overrideCurrency = z
  .string()
  .refine(
    (c) => ['LCU', 'USD'].includes(c.trim().toUpperCase()) || isKnownCurrency(c.trim().toUpperCase()),
    "unknown currency; use USD or an ISO 4217 code such as RUB, CNY or EUR (default: the event's own)",
  );

export const EventOverridesSchema = z.object({
  country: check.countryCode.optional().meta({ description: "which of the event's countries to price (ISO 3166-1 alpha-2)" }),
  severity: num.optional(),
  isp_share: num.optional(),
  platform_weight: num.optional(),
  end: z.string().optional(),
  method: methodList.optional(),
  currency: overrideCurrency.optional(),
  draws: drawsInput.optional(),
  seed: seed.optional(),
});
