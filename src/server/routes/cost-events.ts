/**
 * GET /api/cost/events: every shutdown, throttling and block event matching the ledger filters,
 * priced with the same overrides (severity for throttles, an end date for ongoing events, …):
 * one row per (event, method) estimate, unpriced events with what they miss, and counts that
 * reconcile (events_read = events_priced + events_not_priced). `format=csv|ndjson|parquet`
 * downloads the rows; the default is JSON with the counts.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LEDGER_COST_COLUMNS, LedgerCostQuerySchema, costLedger, exportLedgerCost, splitLedgerCostQuery } from '../../cost/index.js';
import { EXPORT_FORMATS } from '../../ledger/index.js';
import { silentProgress } from '../../shared/index.js';
import type { AppDeps } from '../deps.js';
import { newRouter, problem } from '../openapi.js';
import { MEDIA } from './export.js';

const Row = z.object(Object.fromEntries(LEDGER_COST_COLUMNS.map((c) => [c, z.union([z.string(), z.number()]).nullable()]))).openapi('LedgerCostRow');
const Report = z
  .object({
    filters: z.record(z.string(), z.unknown()),
    overrides: z.record(z.string(), z.unknown()),
    events_read: z.number(),
    events_priced: z.number(),
    events_not_priced: z.number(),
    estimates: z.number(),
    missing_by_field: z.record(z.string(), z.number()),
    items: z.array(Row),
  })
  .openapi('LedgerCost');

export function costEventsRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/cost/events',
      tags: ['cost', 'ledger'],
      summary: 'The cost of every shutdown, throttling and block event matching the filters',
      description: `Filters as GET /api/events (country, region, category, subtype, from, to, q); overrides as GET /api/events/{id}/cost (severity, end, platform_weight, method, currency, draws, seed). Rows: ${LEDGER_COST_COLUMNS.join(', ')}. An event that cannot be priced has one row with \`missing\` and no amounts. \`format\`: csv, ndjson or parquet for a download (json, the default, adds the counts).`,
      request: { query: LedgerCostQuerySchema.extend({ format: z.enum(EXPORT_FORMATS).optional() }) },
      responses: {
        200: { description: 'Rows and counts (JSON), or the file', content: { 'application/json': { schema: Report }, ...Object.fromEntries(['csv', 'ndjson', 'parquet'].map((f) => [MEDIA[f as 'csv'], { schema: { type: 'string' as const } }])) } },
        400: problem('Bad filter or override'),
      },
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const methods = c.req.queries('method')?.flatMap((m) => m.split(','));
      const { filters, overrides } = splitLedgerCostQuery({ ...q, ...(methods ? { method: methods } : {}) });
      const report = await costLedger({ store: deps.store, progress: silentProgress }, filters, overrides);
      if (!format || format === 'json') {
        const { rows, ...counts } = report;
        return c.json({ ...counts, items: rows } as never, 200);
      }
      const body = await exportLedgerCost(deps.store, report, format);
      // A file, not the JSON schema above (OpenAPI lists its media types).
      return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="cost-events.${format}"` }) as never;
    },
  );
  return r;
}
