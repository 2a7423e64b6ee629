/**
 * /api/measurements (summary, list, one, export, rules) and /api/networks. Field names are
 * OONI's (probe_cc, probe_asn, test_name, measurement_start_time) plus our verdict fields.
 */
import { basename } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { exportMeasurements, listMeasurements, listNetworks, measurementSummary, showMeasurement, MEASUREMENT_EXPORT_FORMATS, RULES, RULES_VERSION, STATUSES } from '../../measure/index.js';
import type { AppDeps } from '../deps.js';
import { json, newRouter, problem } from '../openapi.js';

const Filters = z.object({
  cc: z.string().optional().openapi({ description: 'probe_cc, ISO 3166-1 alpha-2', example: 'RU' }),
  asn: z.string().optional().openapi({ description: 'probe_asn', example: 'AS12389' }),
  test_name: z.string().optional().openapi({ example: 'telegram' }),
  target: z.string().optional().openapi({ description: 'domain or app (telegram, signal, whatsapp, facebook_messenger, tor)', example: 'telegram' }),
  since: z.string().optional().openapi({ description: 'YYYY[-MM[-DD]] or ISO date-time, UTC' }),
  until: z.string().optional().openapi({ description: 'inclusive' }),
});
const Obj = (name: string, description: string) => z.record(z.string(), z.unknown()).openapi(name, { description });
const Summary = Obj('MeasurementSummary', 'filters, totals, by_target (per probe_cc/test_name/target), cells (grain, bucket, probe_cc, probe_asn, test_name, target, n, per-status counts, ok_count/anomaly_count/confirmed_count/failure_count, reports, mechanisms, examples), method, source, data_vintage, rules_version');
const ListRow = Obj('MeasurementRow', 'id, report_id, input, probe_cc, probe_asn, probe_network_name, test_name, target, measurement_start_time, anomaly, confirmed, failure, status, layers, mechanism, rules');
const List = z.object({ items: z.array(ListRow), next_cursor: z.string().nullable(), source: z.string() }).openapi('MeasurementList');
const Measurement = Obj('Measurement', 'A list row plus blocking_general, blocking_type, evidence, the source file position, and raw (the OONI measurement) or raw_error');
const ListQuery = Filters.extend({
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(10000).optional(),
  cursor: z.string().optional(),
});

/**
 * A measurement as the public API shows it: the source file by name only (its server path is
 * an internal detail, and so is the path inside an unavailability message).
 */
function publicMeasurement<T extends { path: string | null; raw_error: string | null }>(m: T): Omit<T, 'path'> & { file: string | null } {
  const { path, ...rest } = m;
  const file = path ? basename(path) : null;
  return { ...rest, file, raw_error: path && rest.raw_error ? rest.raw_error.split(path).join(file ?? '') : rest.raw_error };
}

export function measurementRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({ method: 'get', path: '/api/measurements/summary', tags: ['measurements'], summary: 'Aggregated cells and per-target totals', request: { query: Filters.extend({ grain: z.enum(['day', 'hour']).optional() }) }, responses: { 200: json(Summary, 'Summary'), 400: problem('Bad filter') } }),
    async (c) => c.json(await measurementSummary(deps, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/api/measurements', tags: ['measurements'], summary: 'One row per measurement, newest first', request: { query: ListQuery }, responses: { 200: json(List, 'A page'), 400: problem('Bad filter') } }),
    async (c) => c.json(await listMeasurements(deps, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/api/measurements/rules', tags: ['measurements'], summary: 'The verdict rules (id, version, layer, status, doc)', responses: { 200: json(Obj('Rules', 'rules_version and items'), 'Rules') } }),
    (c) => c.json({ rules_version: RULES_VERSION, items: RULES.map((x) => ({ ...x })) }, 200),
  );
  // literal paths (not export.{format}) so they win over /api/measurements/{id}
  for (const format of MEASUREMENT_EXPORT_FORMATS) {
    r.openapi(
      createRoute({
        method: 'get',
        path: `/api/measurements/export.${format}`,
        tags: ['measurements'],
        summary: `Export list rows as ${format === 'csv' ? 'CSV' : 'Parquet'} (the list filters; up to 500,000 rows)`,
        request: { query: ListQuery.omit({ limit: true, cursor: true }) },
        responses: { 200: { description: 'The file' }, 400: problem('Bad filter') },
      }),
      async (c) => {
        const { body } = await exportMeasurements(deps, c.req.valid('query'), format);
        return c.body(body as never, 200, { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet', 'content-disposition': `attachment; filename="measurements.${format}"` });
      },
    );
  }
  r.openapi(
    createRoute({ method: 'get', path: '/api/measurements/{id}', tags: ['measurements'], summary: 'One measurement: flags, verdict, evidence, raw', request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) }, responses: { 200: json(Measurement, 'The measurement'), 404: problem('No such measurement') } }),
    async (c) => c.json(publicMeasurement(await showMeasurement(deps, c.req.valid('param').id)), 200),
  );
  r.openapi(
    createRoute({ method: 'get', path: '/api/networks', tags: ['measurements'], summary: 'Networks (ASNs) with names and measurement counts', request: { query: z.object({ cc: z.string().optional().openapi({ example: 'RU' }) }) }, responses: { 200: json(z.object({ items: z.array(Obj('Network', 'probe_cc, probe_asn, names, measurements, anomaly_count, confirmed_count, first, last')), source: z.string() }), 'Networks'), 400: problem('Bad cc') } }),
    async (c) => c.json(await listNetworks(deps, c.req.valid('query')), 200),
  );
  return r;
}
