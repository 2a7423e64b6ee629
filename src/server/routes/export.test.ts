/**
 * The hand-written export routes refuse a bad filter in the words of the op they stand for, as
 * the CLI twin does (`invalid input for events.export: ...`), field errors and range errors alike.
 */
import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../../test/helpers/index.js';
import { eventsExport, indicatorsExport } from '../../ledger/ops.js';
import { measurementsExport } from '../../measure/ops.js';
import { parseInput, type AnyOp } from '../../op/index.js';

const env = appOnTempStore();

/** What the CLI says for this input: the op's own refusal. */
const cliSays = (op: AnyOp, input: object) => {
  try {
    parseInput(op, input);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${op.name} took ${JSON.stringify(input)}`);
};

describe('a bad filter on an export route', () => {
  it.each([
    ['/api/export/events.csv?country=UK', eventsExport, { format: 'csv', country: 'UK' }],
    ['/api/export/events.json?from=2022&to=2020', eventsExport, { format: 'json', from: '2022', to: '2020' }],
    ['/api/export/indicators.csv?country=UK', indicatorsExport, { format: 'csv', country: 'UK' }],
    ['/api/measurements/export.csv?cc=QQ', measurementsExport, { format: 'csv', cc: 'QQ' }],
  ] as const)('%s: 400 with the words the CLI uses', async (url, op, input) => {
    const r = await env.app.request(url);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { detail: string }).detail).toBe(cliSays(op, input));
  });
});

describe('a measurement export in a format not offered', () => {
  it.each(['json', 'xml', 'tsv'])('export.%s: 404 naming the formats offered and the JSON listing, not "no measurement"', async (ext) => {
    // SYNTHETIC: formats the measurement export does not write
    const r = await env.app.request(`/api/measurements/export.${ext}`);
    expect(r.status).toBe(404);
    const detail = ((await r.json()) as { detail: string }).detail;
    expect(detail).toBe(
      `no measurement export as ${ext}: the export takes csv, ndjson, parquet (/api/measurements/export.csv); for JSON, page GET /api/measurements`,
    );
  });
});
