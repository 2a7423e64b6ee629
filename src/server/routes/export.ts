/** GET /api/export/events.{csv,json,ndjson,parquet} with the list filters. */
import { createRoute } from '@hono/zod-openapi';
import { EVENT_COLUMNS, EXPORT_FORMATS, exportEvents, type ExportFormat } from '../../ledger/index.js';
import type { AppDeps } from '../deps.js';
import { newRouter, problem } from '../openapi.js';
import { EventQuerySchema, toListFilters } from './events.js';

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
        request: { query: EventQuerySchema.omit({ cursor: true, limit: true }) },
        responses: { 200: { description: 'The file', content: { [MEDIA[format]]: { schema: { type: 'string' } } } }, 400: problem('Bad filter') },
      }),
      async (c) => {
        const body = await exportEvents(deps, toListFilters(c.req.valid('query')), format);
        return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="events.${format}"` });
      },
    );
  }
  return r;
}
