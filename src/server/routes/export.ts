/** GET /api/export/events.{csv,json,ndjson,parquet} with the list filters. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { EVENT_COLUMNS, exportEvents, type ExportFormat } from '../../ledger/index.js';
import type { AppDeps } from '../deps.js';
import { newRouter, problem } from '../openapi.js';
import { EventQuerySchema, toListFilters } from './events.js';

const MEDIA: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  parquet: 'application/vnd.apache.parquet',
};

export function exportRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/export/events.{format}',
      tags: ['ledger'],
      summary: `Export events (columns: ${EVENT_COLUMNS.join(', ')})`,
      request: {
        params: z.object({ format: z.enum(['csv', 'json', 'ndjson', 'parquet']).openapi({ param: { name: 'format', in: 'path' } }) }),
        query: EventQuerySchema.omit({ cursor: true, limit: true }),
      },
      responses: { 200: { description: 'The file' }, 400: problem('Bad filter') },
    }),
    async (c) => {
      const { format } = c.req.valid('param');
      const body = await exportEvents(deps, toListFilters(c.req.valid('query')), format);
      return c.body(body as never, 200, {
        'content-type': MEDIA[format],
        'content-disposition': `attachment; filename="events.${format}"`,
      });
    },
  );
  return r;
}
