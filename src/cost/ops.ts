/**
 * Cost operations: economic-data imports (`splinternet data import`), estimates of a scenario
 * (`splinternet cost`, GET and POST /api/cost), the regional table, the cost of one ledger
 * event or of all of them, the comparison with Top10VPN, and the methods. Every result is
 * described by the schemas in schemas.ts and carries its method, inputs, sources and vintage.
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../ledger/index.js';
import { check, defineOp, inputIssues, report, wordedAnswer } from '../op/index.js';
import { AppError, type FieldIssue } from '../shared/index.js';
import { COMPARE_ONGOING_DEFAULT, compareTop10vpn } from './compare.js';
import { COMPARE_COLUMNS, exportCompare } from './compare-export.js';
import { importEconFile, type ImportReport } from './data/importer.js';
import { IMPORT_KINDS } from './data/manifest.js';
import { costLedger, exportLedgerCost, LEDGER_COST_COLUMNS, LedgerCostQuerySchema, splitLedgerCostQuery } from './ledger-cost.js';
import { METHODS, methodInfo } from './methods.js';
import { parseScenario, scenarioIssues } from './scenario.js';
import { EventOverridesSchema, fromWire, ScenarioWireSchema, type ScenarioWire } from './scenario-schema.js';
import {
  CostBatchSchema,
  CostCompareFileSchema,
  CostCompareSchema,
  CostMethodsSchema,
  CostResultSchema,
  EventCostSchema,
  LedgerCostFileSchema,
  LedgerCostSchema,
  RegionsResultSchema,
} from './schemas.js';
import { costEvent, costRegions, estimateCost, rankingMethodIssues } from './service.js';

export const MAX_BATCH = 100;

const METHOD_DOCS = METHODS.map((m) => `- **${m.id}** ${m.version}: ${m.summary} Formula: \`${m.formula}\`. Types: ${m.types.join(', ')}.`).join('\n');

const splitList = (m: string | string[] | undefined) => (typeof m === 'string' ? m.split(',') : m);

/** The answer keys whose text names the caller's options (`--severity`): over HTTP they name the request parameter. */
const WORDED = ['mapping', 'notes', 'missing'];

/** A scenario's rules checked on the wire fields that parsed: with the schema's faults, every invalid field in one refusal. */
const scenarioMeaning = (w: Partial<ScenarioWire>) => scenarioIssues(fromWire(w as ScenarioWire));

export const dataImport = defineOp({
  name: 'data.import',
  summary: 'Load an economic-data file (World Bank, OWID, Rosstat, NBS, Bank of Russia) into the store',
  write: true,
  scope: 'import',
  files: (i) => [i.file],
  localPaths: ['file'],
  upload: 'file',
  input: z.object({
    kind: z.enum(IMPORT_KINDS),
    file: z.string().min(1),
    year: check.whole(1900, 2100).optional(),
    indicator: z.string().optional(),
    source: z.string().optional(),
    vintage: z.string().optional(),
  }),
  output: report<ImportReport>('rows read = stored + rejected, rejects with line and reason'),
  run: (ctx, input) => importEconFile(ctx, input),
});

export const costEstimate = defineOp({
  name: 'cost.estimate',
  worded: WORDED,
  summary: 'What a shutdown, throttle or block costs, by method (median, 90% interval, point)',
  write: false,
  input: ScenarioWireSchema,
  check: scenarioMeaning,
  output: CostResultSchema,
  http: {
    method: 'get',
    path: '/api/cost',
    description: 'Estimates with inputs and sources',
    notes: `Prices one scenario with every method that can (or those named in \`method\`), side by side with their spread. Amounts are in currency units (roubles, not millions); \`usd\` gives US dollars with the rate and its date.\n\nMethods:\n${METHOD_DOCS}`,
  },
  run: (ctx, input) => estimateCost(ctx, fromWire(input)),
});

/** Validate every scenario of a batch, naming bad ones by index; then the work budget; then price. */
async function priceBatch(ctx: Parameters<typeof costEstimate.run>[0], body: unknown) {
  const list = Array.isArray(body);
  const items: unknown[] = list ? body : [body];
  if (items.length > MAX_BATCH)
    throw new AppError('VALIDATION', `body: at most ${MAX_BATCH} scenarios per request, got ${items.length}`, {
      issues: [{ path: [], message: `at most ${MAX_BATCH}` }],
    });
  if (items.length === 0)
    throw new AppError('VALIDATION', 'body: an empty list; send a scenario or a list of 1 to 100', { issues: [{ path: [], message: 'empty list' }] });
  const issues: FieldIssue[] = [];
  const parsed = items.map((item, i) => {
    const prefix = list ? [i] : [];
    const w = inputIssues(ScenarioWireSchema, item, scenarioMeaning);
    issues.push(...w.issues.map((x) => ({ path: [...prefix, ...x.path], message: x.message })));
    if (!w.data) return null;
    const input = fromWire(w.data);
    return { input, ...parseScenario(input) };
  });
  if (issues.length)
    throw new AppError('VALIDATION', `invalid cost scenario: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues });
  const ok = parsed.filter((p) => p !== null);
  ctx.budget?.(
    ok.reduce((sum, p) => sum + p.scenario.draws * Math.max(1, p.scenario.regions.length), 0),
    Math.max(...ok.map((p) => p.scenario.draws)),
  );
  const results = [];
  for (const p of ok) results.push(await estimateCost(ctx, p.input));
  return list ? { items: results } : results[0]!;
}

export const costBatch = defineOp({
  name: 'cost.batch',
  worded: WORDED,
  summary: `Price a scenario, or a list of up to ${MAX_BATCH}`,
  write: false,
  input: z.object({
    scenarios: z
      .union([z.looseObject({}), z.array(z.looseObject({}))])
      .meta({ description: `one scenario (the GET /api/cost parameters as JSON; region and method may be arrays) or a list of up to ${MAX_BATCH}` }),
  }),
  output: CostBatchSchema,
  http: {
    method: 'post',
    path: '/api/cost',
    body: { key: 'scenarios', schema: z.union([ScenarioWireSchema, z.array(ScenarioWireSchema).max(MAX_BATCH)]) },
    description: 'One result, or items in request order',
    notes: `Body: one scenario object (the query parameters as JSON; \`region\` and \`method\` may be arrays) or an array of them. A list answers \`{ items: [CostResult...] }\` in order; if any scenario is invalid the whole request is a 400 naming it by index.\n\nMethods:\n${METHOD_DOCS}`,
  },
  run: (ctx, { scenarios }) => priceBatch(ctx, scenarios),
});

export const costRegionsOp = defineOp({
  name: 'cost.regions',
  summary: 'Every region of a country ranked by the cost of a scenario, highest first (the OZI table)',
  write: false,
  input: ScenarioWireSchema.omit({ region: true, regions: true }),
  check: (w) => [...rankingMethodIssues(w.method), ...scenarioMeaning(w)],
  output: RegionsResultSchema,
  rows: { key: 'items', carry: ['method', 'method_version', 'currency', 'scenario', 'data_years', 'data_vintage', 'sources', 'notes'] },
  http: {
    method: 'get',
    path: '/api/cost/regions',
    description: 'Regions ranked by median',
    notes: `Same parameters as GET /api/cost except \`region\`; one method (default ozi-regional for RU, brookings-2016 elsewhere); two methods, or \`all\`, are a 400 naming \`method\`. Each item has its own 90% interval.\n\nMethods:\n${METHOD_DOCS}`,
  },
  run: (ctx, input) => costRegions(ctx, fromWire(input)),
});

export const costEventOp = defineOp({
  name: 'cost.event',
  worded: WORDED,
  summary: 'The cost of a ledger event (shutdown, throttling or block), or what it is missing',
  write: false,
  // the overrides checked as `cost events` checks them: a bad one is refused even where it would not apply
  input: EventOverridesSchema.extend({
    severity: LedgerCostQuerySchema.shape.severity,
    isp_share: LedgerCostQuerySchema.shape.isp_share,
    platform_weight: LedgerCostQuerySchema.shape.platform_weight,
    end: LedgerCostQuerySchema.shape.end,
    draws: LedgerCostQuerySchema.shape.draws,
    id: z.string().meta({ example: 'ru-2018-telegram-block' }),
  }),
  output: EventCostSchema,
  http: {
    method: 'get',
    path: '/api/events/{id}/cost',
    tag: 'cost',
    description: 'Estimates, or `missing` with how to supply it',
    notes:
      "Maps the event's country, regions, type and time span to a scenario. What the ledger does not record (a throttle's severity, the end of an ongoing block) is listed in `missing`; supply it as a query parameter.",
    errors: { 404: 'No such event' },
  },
  run: (ctx, { id, ...o }) => costEvent(ctx, id, { ...o, method: splitList(o.method) }),
});

export const costEvents = defineOp({
  name: 'cost.events',
  worded: WORDED,
  summary: 'The cost of every shutdown, throttling and block event matching the filters (one row per estimate; unpriced events say what they miss)',
  write: false,
  input: LedgerCostQuerySchema.extend({ format: z.enum(EXPORT_FORMATS).optional() }),
  output: z.union([LedgerCostSchema, LedgerCostFileSchema]),
  // Served by routes/export.ts: with `format` the answer is the file itself.
  http: {
    method: 'get',
    path: '/api/cost/events',
    tag: 'cost',
    handwritten: true,
    description: 'Rows and counts (JSON), or the file with `format`',
    notes: `Filters as GET /api/events (country, region, category, subtype, from, to, q); overrides as GET /api/events/{id}/cost (severity, end, platform_weight, method, currency, draws, seed). Rows: ${LEDGER_COST_COLUMNS.join(', ')}. An event that cannot be priced has one row with \`missing\` and no amounts. \`format\`: csv, ndjson or parquet for a download (json, the default, adds the counts).`,
    media: ['text/csv', 'application/x-ndjson', 'application/vnd.apache.parquet'],
  },
  run: async (ctx, { format, ...q }) => {
    const { filters, overrides } = splitLedgerCostQuery(q);
    // a file is made here: its rows are worded for the caller as the JSON answer is
    const r = wordedAnswer(await costLedger(ctx, filters, overrides), WORDED, ctx.wording);
    const { rows, ...counts } = r;
    if (!format) return { ...counts, items: rows };
    const body = await exportLedgerCost(ctx.store, r, format);
    return {
      ...counts,
      format,
      rows: rows.length,
      ...(typeof body === 'string' ? { body, encoding: 'utf8' as const } : { body: body.toString('base64'), encoding: 'base64' as const }),
    };
  },
});

export const costCompare = defineOp({
  name: 'cost.compare',
  worded: WORDED,
  summary:
    "Our yearly cost per country (each method) beside Top10VPN's: ratio, hours and users affected, the events behind ours, the cause where we differ by more than 3×",
  write: false,
  input: z.object({
    source: z.enum(['top10vpn'], { error: (iss) => `${JSON.stringify(iss.input)} is not one we compare with; use top10vpn` }).default('top10vpn'),
    country: LedgerCostQuerySchema.shape.country,
    end: LedgerCostQuerySchema.shape.end,
    severity: LedgerCostQuerySchema.shape.severity,
    draws: LedgerCostQuerySchema.shape.draws,
    seed: LedgerCostQuerySchema.shape.seed,
    format: z.enum(EXPORT_FORMATS).optional(),
  }),
  output: z.union([CostCompareSchema, CostCompareFileSchema]),
  // Served by routes/export.ts: with `format` the answer is the file itself.
  http: {
    method: 'get',
    path: '/api/cost/compare',
    handwritten: true,
    description: 'Rows per country and year, and a summary (JSON), or the file with `format`',
    notes: `source: top10vpn. Throttling, and the slowed hours of a record filed as "Shutdown, Throttle", are priced at severity 1 unless \`severity\` is given (Top10VPN counts unusable throttling as a shutdown); events marked ongoing are priced up to \`end\` when it is given; without it, ${COMPARE_ONGOING_DEFAULT}. \`draws\` and \`seed\` (default 1) as for every pricing route. \`format\`: csv or parquet (one row per country-year: ${COMPARE_COLUMNS.join(', ')}), ndjson (one whole row per line) for a download; json, the default, adds the summary and notes.`,
    media: ['text/csv', 'application/x-ndjson', 'application/vnd.apache.parquet'],
  },
  run: async (ctx, { country, end, severity, draws, seed, format }) => {
    const r = await compareTop10vpn(ctx, {
      country,
      overrides: Object.fromEntries(Object.entries({ end, severity, draws, seed }).filter(([, v]) => v !== undefined)),
    });
    if (!format) return r;
    const body = await exportCompare(ctx.store, r, format);
    return {
      method: r.method,
      summary: r.summary,
      format,
      rows: r.rows.length,
      ...(typeof body === 'string' ? { body, encoding: 'utf8' as const } : { body: body.toString('base64'), encoding: 'base64' as const }),
    };
  },
});

export const costMethods = defineOp({
  name: 'cost.methods',
  summary: 'The cost methods: formula, parameters with distributions and sources, calibration',
  write: false,
  input: z.object({}),
  output: CostMethodsSchema,
  rows: { key: 'items' },
  http: { method: 'get', path: '/api/cost/methods', description: 'Methods' },
  run: () => Promise.resolve({ items: methodInfo() }),
});

export const costOps = [dataImport, costEstimate, costBatch, costRegionsOp, costEventOp, costEvents, costCompare, costMethods];
