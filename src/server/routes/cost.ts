/**
 * /api/cost: price a scenario (GET with query parameters, POST with one scenario or a list of
 * up to 100), rank a country's regions, list the methods; /api/events/{id}/cost prices a
 * ledger event. Every estimate carries its method, inputs with sources, data vintage and the
 * exchange rate with its date. Bad input is a 400 naming the parameter and what is valid.
 */
import { assertCostWork, limitsOf } from '../limits.js';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { EventOverridesSchema, METHODS, ScenarioWireSchema, costEvent, costRegions, estimateCost, fromWire, methodInfo, parseScenario, priceScenario, type ScenarioInput } from '../../cost/index.js';
import { AppError, isAppError, type FieldIssue } from '../../shared/index.js';
import type { AppDeps, Env } from '../deps.js';
import { json, newRouter, problem } from '../openapi.js';
import { jsonBody } from '../validate.js';

export const MAX_BATCH = 100;

const METHOD_DOCS = METHODS.map((m) => `- **${m.id}** ${m.version}: ${m.summary} Formula: \`${m.formula}\`. Types: ${m.types.join(', ')}.`).join('\n');

const Money = { median: z.number(), low: z.number(), high: z.number(), point: z.number() };
const Usd = z
  .object({ ...Money, rate: z.number().describe('local currency units per US$ (see rate_unit; 1 USD/USD when the method computed in US$ and nothing was converted)'), rate_unit: z.string(), rate_date: z.string().describe("the date, day range or year of each period's rate"), rate_kind: z.string() })
  .nullable()
  .openapi('CostUsd');
const Period = z.object({ period: z.string(), year: z.number().nullable(), data_year: z.number(), hours: z.number(), ...Money, usd: z.object({ ...Money, rate: z.number().nullable(), rate_date: z.string().nullable() }).nullable() }).openapi('CostPeriod');
const Input = z.object({ name: z.string(), value: z.union([z.number(), z.string()]), unit: z.string(), source: z.string(), year: z.number().nullable() }).passthrough().openapi('CostInput');
const Estimate = z
  .object({
    method: z.enum(METHODS.map((m) => m.id) as [string, ...string[]]),
    method_version: z.string(),
    currency: z.string(),
    ...Money,
    usd: Usd,
    regions: z.array(z.object({ code: z.string(), name: z.string(), ...Money, usd: Usd })),
    inputs: z.array(Input),
    years: z.array(z.number()),
    data_vintage: z.array(z.string()),
    proxy: z.string().nullable(),
    notes: z.array(z.string()),
    rates: z.array(z.record(z.string(), z.unknown())),
    periods: z.array(Period).describe('one calendar-year period of the span each, priced with its data year and its own exchange rate'),
  })
  .passthrough()
  .openapi('CostEstimate');
const CostResult = z
  .object({ scenario: z.record(z.string(), z.unknown()), estimates: z.array(Estimate), spread: z.record(z.string(), z.unknown()).nullable(), skipped: z.array(z.object({ method: z.string(), parameter: z.string(), reason: z.string() })) })
  .openapi('CostResult');
const RegionsResult = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string(), ...Money, currency: z.string(), usd: Usd })), method: z.string(), method_version: z.string(), inputs: z.array(Input) })
  .passthrough()
  .openapi('CostRegions');
const EventCost = z.object({ event: z.record(z.string(), z.unknown()), mapping: z.array(z.string()), missing: z.array(z.object({ field: z.string(), reason: z.string() })), estimates: z.array(Estimate) }).passthrough().openapi('EventCost');

/** Query parameters, with repeated `region` / `method` kept (c.req.query keeps only the first). */
function queryScenario(c: Context<Env>): ScenarioInput {
  const all = c.req.queries();
  const q = ScenarioWireSchema.partial({ country: true, type: true }).safeParse(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, ['region', 'regions', 'method'].includes(k) ? v : v[0]])));
  if (!q.success) throw new AppError('VALIDATION', `invalid query: ${q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues: q.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
  return fromWire(q.data as never);
}

const query = ScenarioWireSchema.partial({ country: true, type: true });

export function costRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/cost',
      tags: ['cost'],
      summary: 'What a shutdown, throttle or block costs, by method (median, 90% interval, point)',
      description: `Prices one scenario with every method that can (or those named in \`method\`), side by side with their spread. Amounts are in currency units (roubles, not millions); \`usd\` gives US dollars with the rate and its date.\n\nMethods:\n${METHOD_DOCS}`,
      request: { query },
      responses: { 200: json(CostResult, 'Estimates with inputs and sources'), 400: problem('Bad scenario: the parameter and what is valid') },
    }),
    async (c) => c.json(await estimateCost(deps, queryScenario(c)), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/cost',
      tags: ['cost'],
      summary: `Price a scenario, or a list of up to ${MAX_BATCH}`,
      description: `Body: one scenario object (the query parameters as JSON; \`region\` and \`method\` may be arrays) or an array of them. A list answers \`{ items: [CostResult...] }\` in order; if any scenario is invalid the whole request is a 400 naming it by index.\n\nMethods:\n${METHOD_DOCS}`,
      request: { body: { content: { 'application/json': { schema: z.union([ScenarioWireSchema, z.array(ScenarioWireSchema).max(MAX_BATCH)]) } }, required: true } },
      responses: { 200: json(z.union([CostResult, z.object({ items: z.array(CostResult) })]), 'One result, or items in request order'), 400: problem('Bad scenario'), 413: problem('Body over 1 MB') },
    }),
    async (c) => {
      const body = await jsonBody(c);
      const list = Array.isArray(body);
      const items = list ? body : [body];
      if (items.length > MAX_BATCH) throw new AppError('VALIDATION', `body: at most ${MAX_BATCH} scenarios per request, got ${items.length}`, { issues: [{ path: [], message: `at most ${MAX_BATCH}` }] });
      if (items.length === 0) throw new AppError('VALIDATION', 'body: an empty list; send a scenario or a list of 1 to 100', { issues: [{ path: [], message: 'empty list' }] });
      const issues: FieldIssue[] = [];
      const parsed = items.map((item, i) => {
        const prefix = list ? [i] : [];
        const w = ScenarioWireSchema.safeParse(item);
        if (!w.success) {
          issues.push(...w.error.issues.map((x) => ({ path: [...prefix, ...x.path.map((p) => (typeof p === 'number' ? p : String(p)))], message: x.message })));
          return null;
        }
        try {
          return parseScenario(fromWire(w.data));
        } catch (e) {
          if (!isAppError(e)) throw e;
          issues.push(...e.issues.map((x) => ({ path: [...prefix, ...x.path], message: x.message })));
          return null;
        }
      });
      if (issues.length) throw new AppError('VALIDATION', `invalid cost scenario: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues });
      // The work asked for, refused before any is done when over the caller's budget.
      const work = parsed.reduce((sum, p) => sum + p!.scenario.draws * Math.max(1, p!.scenario.regions.length), 0);
      assertCostWork(limitsOf(deps.limits), c.get('grant').scopes.length > 0, work, Math.max(...parsed.map((p) => p!.scenario.draws)));
      const results = [];
      for (const p of parsed) results.push(await priceScenario(deps.store, p!.scenario, p!.span));
      return c.json(list ? { items: results } : results[0]!, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/cost/regions',
      tags: ['cost'],
      summary: 'Every region of a country ranked by the cost of a scenario, highest first (the OZI table)',
      description: `Same parameters as GET /api/cost except \`region\`; one method (default ozi-regional for RU, brookings-2016 elsewhere). Each item has its own 90% interval.\n\nMethods:\n${METHOD_DOCS}`,
      request: { query: query.omit({ region: true, regions: true }) },
      responses: { 200: json(RegionsResult, 'Regions ranked by median'), 400: problem('Bad scenario') },
    }),
    async (c) => c.json(await costRegions(deps, queryScenario(c)), 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/cost/methods',
      tags: ['cost'],
      summary: 'The cost methods: formula, parameters with distributions and sources, calibration',
      responses: { 200: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }).openapi('CostMethods'), 'Methods') },
    }),
    (c) => c.json({ items: methodInfo() as unknown as Record<string, never>[] }, 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}/cost',
      tags: ['cost', 'ledger'],
      summary: 'The cost of a ledger event (shutdown, throttling or block), or what it is missing',
      description: 'Maps the event\'s country, regions, type and time span to a scenario. What the ledger does not record (a throttle\'s severity, the end of an ongoing block) is listed in `missing`; supply it as a query parameter.',
      request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'ru-2018-telegram-block' }) }), query: EventOverridesSchema },
      responses: { 200: json(EventCost, 'Estimates, or `missing` with how to supply it'), 400: problem('Not a cost-bearing event, or bad override'), 404: problem('No such event') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const methods = c.req.queries('method')?.flatMap((m) => m.split(','));
      return c.json(await costEvent(deps, id, { ...q, method: methods }), 200);
    },
  );

  return r;
}
