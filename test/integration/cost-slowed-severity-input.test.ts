// A "Shutdown, Throttle" record priced with --severity lists that severity among its inputs, as a
// throttling event lists its own: it sets the price of the slowed hours (seeded ledger, real STOP record).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('splinternet-cost-slowed-severity-');
const db = join(t.dir, 'c.duckdb');
beforeAll(() => copySeeded(db), SEED_WAIT_MS);
afterAll(() => t.cleanup());

const IR = 'stop-ir-2025-12-29-bushehr-ilam-isfahan-fasa-mashha-505051';
type Input = { name: string; value: number | string; source: string };
const priced = async (...args: string[]) => {
  const r = await cli(['cost', 'event', IR, '--method', 'deloitte-2016', '--json', '--db', db, ...args]);
  return (JSON.parse(r.out) as { estimates: { inputs: Input[]; point: number }[] }).estimates[0]!;
};

describe('the severity of the slowed hours of a "Shutdown, Throttle" record', () => {
  it('is an input of the estimate, with the value given, for each severity', async () => {
    for (const severity of ['0', '0.5']) {
      const e = await priced('--severity', severity);
      const input = e.inputs.find((i) => /severity/.test(i.name));
      expect(input, severity).toMatchObject({ name: 'severity of the slowed hours', value: Number(severity) });
      expect(input!.source).toMatch(/given in the request/);
    }
  });

  it('without --severity the slowed hours are not priced and no severity is listed', async () => {
    const e = await priced();
    expect(e.inputs.some((i) => /severity/.test(i.name))).toBe(false);
  });
});
