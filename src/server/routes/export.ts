/**
 * GET /api/export/events.{csv,json,ndjson,parquet} with the list filters, and indicators.{...}:
 * hand-written because the content type is the feature. The filters are the ops' own
 * (src/ledger/ops.ts), read from the query string the way every op route reads it.
 */
import { createRoute } from '@hono/zod-openapi';
import { EVENT_COLUMNS, EXPORT_FORMATS, INDICATOR_COLUMNS, exportEvents, exportIndicators, type ExportFormat } from '../../ledger/index.js';
import { EventFilters, IndicatorFilters } from '../../ledger/ops.js';
import type { AppDeps } from '../deps.js';
import { queryParser } from '../mount.js';
import { newRouter, problem } from '../openapi.js';

const eventFilters = queryParser(EventFilters);
const indicatorFilters = queryParser(IndicatorFilters);

export const MEDIA: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

export function exportRoutes(deps: AppDeps) {
  const r = newRouter();
  for (const format of EXPORT_FORMATS) {
    r.openapi(
      createRoute({
        method: 'get',
        path: `/api/export/events.${format}`,
        tags: ['ledger'],
        summary: `Export events as ${format} (${format === 'csv' || format === 'parquet' ? `columns: ${EVENT_COLUMNS.join(', ')}` : 'full documents'})`,
        request: { query: EventFilters },
        responses: { 200: { description: 'The file', content: { [MEDIA[format]]: { schema: { type: 'string' } } } }, 400: problem('Bad filter') },
      }),
      async (c) => {
        const body = await exportEvents(deps, eventFilters(c.req.url), format);
        return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="events.${format}"` });
      },
    );
    r.openapi(
      createRoute({
        method: 'get',
        path: `/api/export/indicators.${format}`,
        tags: ['ledger'],
        summary: `Export indicator values as ${format} (${format === 'json' ? 'series with values' : `one row per value: ${INDICATOR_COLUMNS.join(', ')}`})`,
        request: { query: IndicatorFilters },
        responses: { 200: { description: 'The file', content: { [MEDIA[format]]: { schema: { type: 'string' } } } }, 400: problem('Bad filter'), 404: problem('No such series') },
      }),
      async (c) => {
        const body = await exportIndicators(deps, indicatorFilters(c.req.url), format);
        return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="indicators.${format}"` });
      },
    );
  }
  return r;
}
