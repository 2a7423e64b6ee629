/**
 * The published shapes of measurement queries: what GET /api/measurements/summary,
 * /api/measurements, /api/measurements/{id}, /api/measurements/rules and /api/networks answer
 * and `splinternet measurements ... --json` prints. Field names are OONI's (probe_cc,
 * probe_asn, test_name, measurement_start_time) plus our verdict fields. src/measure/ops.ts
 * checks the query functions' return types against these; the parity test parses real answers.
 */
import { z } from 'zod';
import { LAYERS, STATUSES } from './model.js';

const count = z.number().int();
const counts = {
  n: count,
  ok: count,
  blocked: count,
  likely_blocked: count,
  down: count,
  invalid: count,
  insufficient: count,
  ok_count: count.meta({ description: 'OONI MAT classes: ok/anomaly/confirmed/failure are mutually exclusive' }),
  anomaly_count: count,
  confirmed_count: count,
  failure_count: count,
};
const mechanisms = z.record(z.string(), count).meta({ description: 'measurements per blocking mechanism' });
const examples = z.record(z.string(), z.string()).meta({ description: 'one measurement id per status' });

export const CellSchema = z
  .object({
    grain: z.string(),
    bucket: z.string(),
    probe_cc: z.string(),
    probe_asn: z.string(),
    test_name: z.string(),
    target: z.string(),
    ...counts,
    reports: count,
    mechanisms,
    examples,
  })
  .meta({ id: 'MeasurementCell' });

export const MeasurementSummarySchema = z
  .object({
    filters: z.object({
      probe_cc: z.string().optional(),
      probe_asn: z.string().optional(),
      test_name: z.string().optional(),
      target: z.string().optional(),
      since: z.string().optional(),
      until: z.string().optional(),
      status: z.string().optional(),
      grain: z.enum(['day', 'hour']),
    }),
    window: z
      .object({
        since: z.string().nullable().meta({ description: 'the start of the first cell counted (UTC), null when no since was given' }),
        until: z
          .string()
          .nullable()
          .meta({ description: 'the end of the last cell counted (UTC, exclusive: the next cell starts there), null when no until was given' }),
        widened: z.boolean().meta({
          description: 'true when since or until falls inside a cell: the whole cell is counted, so the period covered is since..until here, wider than asked',
        }),
      })
      .meta({ description: 'cells are the summary unit: the period its counts cover, since/until moved out to whole cells of the grain' }),
    totals: z.object({ ...counts, mechanisms, examples }),
    by_target: z.array(z.object({ probe_cc: z.string(), test_name: z.string(), target: z.string(), networks: count, ...counts, mechanisms, examples })),
    cells: z.array(CellSchema),
    method: z.string(),
    source: z.string(),
    data_vintage: z.object({ first_bucket: z.string().nullable(), last_bucket: z.string().nullable() }),
    rules_version: z.string(),
  })
  .meta({ id: 'MeasurementSummary' });

const listRow = {
  id: z.string(),
  report_id: z.string().nullable(),
  input: z.string().nullable(),
  probe_cc: z.string(),
  probe_asn: z.string(),
  probe_network_name: z.string().nullable(),
  test_name: z.string(),
  target: z.string(),
  measurement_start_time: z.string(),
  anomaly: z.boolean(),
  confirmed: z.boolean(),
  failure: z.boolean(),
  status: z.string().meta({ description: STATUSES.join(', ') }),
  layers: z.array(z.string()).meta({ description: `the layers that failed: ${LAYERS.join(', ')}` }),
  mechanism: z.string().nullable(),
  rules: z.array(z.string()).meta({ description: 'the verdict rules that fired (GET /api/measurements/rules)' }),
};

export const MeasurementRowSchema = z.object(listRow).meta({ id: 'MeasurementRow' });

export const MeasurementListSchema = z
  .object({ items: z.array(MeasurementRowSchema), next_cursor: z.string().nullable(), source: z.string() })
  .meta({ id: 'MeasurementList' });

const measurement = {
  ...listRow,
  measurement_uid: z.string().nullable(),
  resolver_asn: z.string().nullable(),
  test_version: z.string().nullable(),
  software_name: z.string().nullable(),
  software_version: z.string().nullable(),
  platform: z.string().nullable(),
  blocking_general: z.number(),
  blocking_type: z.string().nullable(),
  evidence: z.array(z.unknown()).meta({ description: 'what each fired rule saw' }),
  file_id: z.string(),
  line: count,
  byte_offset: count,
  byte_length: count,
  ingested_at: z.string(),
  raw: z.unknown().meta({ description: 'the OONI measurement, re-read from its source file (null when unavailable)' }),
  raw_error: z.string().nullable(),
  source: z.string(),
  rules_version: z.string(),
};

/** One measurement, as `measurements show --json` and GET /api/measurements/{id} give it: the source file by name only. */
export const MeasurementSchema = z
  .object({ ...measurement, file: z.string().nullable().meta({ description: 'the source file name' }) })
  .meta({ id: 'Measurement' });

export const NetworkListSchema = z
  .object({
    items: z.array(
      z
        .object({
          probe_cc: z.string(),
          probe_asn: z.string(),
          names: z.array(z.string()).nullable().meta({ description: 'probe_network_name values seen (null when no measurement named the network)' }),
          measurements: count,
          anomaly_count: count,
          confirmed_count: count,
          first: z.string(),
          last: z.string(),
        })
        .meta({ id: 'Network' }),
    ),
    source: z.string(),
  })
  .meta({ id: 'NetworkList' });

export const RulesSchema = z
  .object({
    rules_version: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        version: count,
        layer: z.enum([...LAYERS, 'app', 'validity', 'any']),
        status: z.enum([...STATUSES, 'note']),
        doc: z.string(),
        overrides: z.string().optional().meta({ description: "why this rule may contradict OONI's anomaly flag" }),
      }),
    ),
  })
  .meta({ id: 'Rules' });
