/**
 * GET /api/export/events.{csv,json,ndjson,parquet} with the list filters, indicators.{...},
 * /api/measurements/export.{csv,parquet}, GET /api/cost/events and /api/cost/compare (JSON, or
 * the file with `format`), and the feeds GET /feeds/{events,drafts}.{atom,json} and /feeds/{CC}/...: Atom and
 * JSON Feed of confirmed events and, separately, of draft detections, rendered from the store on
 * each call (a query parameter on a feed is refused): hand-written because the content type is
 * the feature. The filters are the ops'
 * own (src/ledger/ops.ts, src/measure/ops.ts, src/cost/ops.ts), read from the query string the
 * way every op route reads it.
 */
import { createRoute, type z } from '@hono/zod-openapi';
import { costCompare, costEvents } from '../../cost/ops.js';
import { exportMeasurements, MEASUREMENT_EXPORT_FORMATS } from '../../measure/index.js';
import { MeasurementExportQuery } from '../../measure/ops.js';
import { executeOp, type OpContext } from '../../op/index.js';
import { EVENT_COLUMNS, EXPORT_FORMATS, INDICATOR_COLUMNS, exportEvents, exportIndicators, type ExportFormat } from '../../ledger/index.js';
import { EventExportSchema, EventFilters, IndicatorFilters, IndicatorListSchema } from '../../ledger/ops.js';
import type { Context } from 'hono';
import { renderFeed } from '../../watch/index.js';
import { AppError } from '../../shared/index.js';
import type { AppDeps } from '../deps.js';
import { httpOpContext, queryParser } from '../mount.js';
import { acceptedRowFormat, ROW_MEDIA } from '../accept.js';
import { identify } from '../auth.js';
import { limitsOf } from '../limits.js';
import { newRouter, problem } from '../openapi.js';
import { refuseUnknownParams } from '../unknown-params.js';

const eventFilters = queryParser(EventFilters, 'events.export');
const indicatorFilters = queryParser(IndicatorFilters, 'indicators.export');
const costQuery = queryParser(costEvents.input, costEvents.name);
const compareQuery = queryParser(costCompare.input, costCompare.name);
const measurementQuery = queryParser(MeasurementExportQuery, 'measurements.export');

/** The 200 answer of a file route: its media type, the file name it is offered under, and the JSON document's schema for a JSON file. */
const fileResponse = (media: string, filename: string, json?: z.ZodType) => ({
  description: 'The file',
  headers: { 'Content-Disposition': { description: `attachment; filename="${filename}"`, schema: { type: 'string' as const } } },
  content: { [media]: { schema: json && media === 'application/json' ? json : { type: 'string' as const } } },
});
const FLAT_RULE = 'lists of plain values joined with "; ", nested fields as JSON text, absent values empty';

/** The export formats' media types: the row files' (accept.ts) and JSON. */
export const MEDIA: Record<ExportFormat, string> = { ...ROW_MEDIA, json: 'application/json' };

export function exportRoutes(deps: AppDeps) {
  const r = newRouter();
  /**
   * Document a file route and serve it: its handler reads the query with queryParser, so a bad
   * filter is refused in the words of the op the route stands for (no request validator before it).
   */
  const fileRoute = (route: ReturnType<typeof createRoute>, handler: (c: Context) => Promise<Response>) => {
    r.openAPIRegistry.registerPath(route);
    r.get(route.path, handler);
  };
  for (const format of EXPORT_FORMATS) {
    fileRoute(
      createRoute({
        method: 'get',
        path: `/api/export/events.${format}`,
        operationId: `events.export.${format}`,
        tags: ['ledger'],
        summary: `Export events as ${format} (${format === 'csv' || format === 'parquet' ? `one column per document key: ${EVENT_COLUMNS.join(', ')}; ${FLAT_RULE}` : 'full documents'})`,
        request: { query: EventFilters },
        responses: { 200: fileResponse(MEDIA[format], `events.${format}`, EventExportSchema), 400: problem('Bad filter') },
      }),
      async (c) => {
        const body = await exportEvents(deps, eventFilters(c.req.url), format);
        return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="events.${format}"` });
      },
    );
    fileRoute(
      createRoute({
        method: 'get',
        path: `/api/export/indicators.${format}`,
        operationId: `indicators.export.${format}`,
        tags: ['ledger'],
        summary: `Export indicator values as ${format} (${format === 'json' ? 'series with values' : `one row per value: ${INDICATOR_COLUMNS.join(', ')}`})`,
        request: { query: IndicatorFilters },
        responses: {
          200: fileResponse(MEDIA[format], `indicators.${format}`, IndicatorListSchema),
          400: problem('Bad filter'),
          404: problem('No such series'),
        },
      }),
      async (c) => {
        const body = await exportIndicators(deps, indicatorFilters(c.req.url), format);
        return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="indicators.${format}"` });
      },
    );
  }
  // Literal paths (not export.{format}), registered before /api/measurements/{id}.
  for (const format of MEASUREMENT_EXPORT_FORMATS) {
    const media = MEDIA[format];
    fileRoute(
      createRoute({
        method: 'get',
        path: `/api/measurements/export.${format}`,
        operationId: `measurements.export.${format}`,
        tags: ['measurements'],
        summary: `Export list rows as ${format} (the list filters; up to 500,000 rows; the columns of GET /api/measurements items)`,
        request: { query: MeasurementExportQuery },
        responses: { 200: fileResponse(media, `measurements.${format}`), 400: problem('Bad filter') },
      }),
      async (c) => {
        const { body } = await exportMeasurements(deps, measurementQuery(c.req.url), format);
        return c.body(body as never, 200, { 'content-type': media, 'content-disposition': `attachment; filename="measurements.${format}"` });
      },
    );
  }
  // Any other export.EXT is a format not offered, said so (not read as a measurement id by /api/measurements/{id}).
  r.get('/api/measurements/:file{export\\.[^/]+}', (c) => {
    const ext = c.req.param('file').slice('export.'.length);
    throw new AppError(
      'NOT_FOUND',
      `no measurement export as ${ext}: the export takes ${MEASUREMENT_EXPORT_FORMATS.join(', ')} (/api/measurements/export.csv); for JSON, page GET /api/measurements`,
    );
  });
  // Documented by the op's binding (server/mount.ts); the file formats answer with the file.
  const limits = limitsOf(deps.limits);
  /** An op that answers JSON, or with `format` a file (its body utf8 or base64): the file itself, under `name`. */
  type FileOrJson = { format: string; body: string; encoding: 'utf8' | 'base64' } | object;
  const fileOrJson = (
    path: string,
    name: string,
    parse: (url: string) => { format?: ExportFormat },
    exec: (ctx: OpContext, input: { format?: ExportFormat }) => Promise<FileOrJson>,
  ) =>
    r.get(path, async (c) => {
      // Public, but a token presented with it is identified (a bad one is a 403): it lifts the work budget.
      const ctx = httpOpContext(deps, limits, await identify(c, deps));
      const input = parse(c.req.url);
      // ?format= first, else the Accept header (accept.ts)
      const asked = input.format === undefined ? (acceptedRowFormat(c.req.header('accept')) ?? undefined) : input.format === 'json' ? undefined : input.format;
      const result = await exec(ctx, { ...input, format: asked });
      if (!('body' in result)) return c.json(result, 200, { vary: 'Accept' });
      const format = result.format as ExportFormat;
      const body = result.encoding === 'base64' ? Buffer.from(result.body, 'base64') : result.body;
      return c.body(body as never, 200, { 'content-type': MEDIA[format], 'content-disposition': `attachment; filename="${name}.${format}"`, vary: 'Accept' });
    });
  fileOrJson('/api/cost/events', 'cost-events', costQuery, (ctx, input) => executeOp(ctx, costEvents, input as ReturnType<typeof costQuery>));
  fileOrJson('/api/cost/compare', 'cost-compare-top10vpn', compareQuery, (ctx, input) => executeOp(ctx, costCompare, input as ReturnType<typeof compareQuery>));
  return r;
}

/**
 * The feeds: public like the other reads. A feed is named by its path alone: any query parameter
 * is refused (400 naming it, as on every API route) before the store is read.
 */
export function feedRoutes(deps: AppDeps) {
  const r = newRouter();
  const handler = async (c: Context) => {
    const url = new URL(c.req.url);
    const name = url.pathname.replace(/^\/feeds\//, '');
    refuseUnknownParams(c.req.url, [], `feed ${name}`);
    const f = await renderFeed(deps.store, name, url.origin, deps.clock.now().toISOString());
    return c.body(f.body, 200, { 'content-type': f.contentType, 'cache-control': 'no-cache' });
  };
  r.get('/feeds/:name', handler);
  r.get('/feeds/:cc/:name', handler);
  return r;
}
