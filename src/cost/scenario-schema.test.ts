// The numbers of a cost request, as the CLI and a query string send them (text): plain decimals
// only. An empty value, hex, "Infinity" or "NaN" is refused naming the field, never read as 0 or 16.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { costCompare, costEstimate, costEventOp, costEvents, costRegionsOp } from './ops.js';
import { parseScenario } from './scenario.js';
import { fromWire } from './scenario-schema.js';

const refusal = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: object) =>
  schema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('cost inputs take plain decimal numbers', () => {
  const scenario = { country: 'RU', type: 'full' };
  it('refuse empty, blank, hex, Infinity and NaN text, naming the field and the value', () => {
    for (const v of ['', ' ', '0x10', '0b1', 'Infinity', '-Infinity', 'NaN', '1,5', '1e', '12h']) {
      expect(refusal(costEstimate.input, { ...scenario, hours: v }), v).toEqual([`hours: ${JSON.stringify(v)} is not a number`]);
      expect(refusal(costEventOp.input, { id: 'x', severity: v }), v).toEqual([`severity: ${JSON.stringify(v)} is not a number`]);
      expect(refusal(costEvents.input, { severity: v }), v).toEqual([`severity: ${JSON.stringify(v)} is not a number`]);
      expect(refusal(costCompare.input, { draws: v }), v).toEqual([`draws: must be a whole number from 100 to 100000, got ${JSON.stringify(v)}`]);
    }
    expect(refusal(costEstimate.input, { ...scenario, mobile_share: '' })).toEqual(['mobile_share: "" is not a number']);
    // whole-number fields say so (check.whole), with their range
    expect(refusal(costEstimate.input, { ...scenario, seed: '' })).toEqual(['seed: must be a whole number from 0 to 4294967295, got ""']);
    expect(refusal(costEstimate.input, { ...scenario, draws: '' })).toEqual(['draws: must be a whole number from 100 to 100000, got ""']);
    expect(refusal(costEstimate.input, { ...scenario, year: '' })).toEqual(['year: must be a whole number, got ""']);
    expect(refusal(costEstimate.input, { ...scenario, draws: '0x3e8' })).toEqual(['draws: must be a whole number from 100 to 100000, got "0x3e8"']);
    expect(refusal(costEstimate.input, { ...scenario, year: '0x7e4' })).toEqual(['year: must be a whole number, got "0x7e4"']);
  });

  it('read signs, decimal points and exponents, as text or as JSON numbers', () => {
    const ok = costEstimate.input.parse({ ...scenario, hours: '1e3', severity: '.5', mobile_share: '0.25', year: '2020', draws: 2000, seed: '3' });
    expect(ok).toMatchObject({ hours: 1000, severity: 0.5, mobile_share: 0.25, year: 2020, draws: 2000, seed: 3 });
    // a plus sign is a decimal's, not a whole number's (digits, a minus at most)
    expect(costEstimate.input.parse({ ...scenario, hours: '+24' })).toMatchObject({ hours: 24 });
    expect(refusal(costEstimate.input, { ...scenario, seed: '+3' })).toEqual(['seed: must be a whole number from 0 to 4294967295, got "+3"']);
    expect(costEventOp.input.parse({ id: 'x', severity: '+1' })).toMatchObject({ severity: 1 });
    expect(refusal(costEstimate.input, { ...scenario, year: '2020.5' })).toEqual(['year: must be a whole number, got "2020.5"']);
  });
});

describe('a cost scenario without a country or a type', () => {
  it("is refused by the input schema (so OpenAPI marks both required), in the scenario check's words", () => {
    for (const input of [costEstimate.input, costRegionsOp.input])
      expect(refusal(input, { hours: '1' })).toEqual([
        'country: required: an ISO 3166-1 alpha-2 code such as RU or CN',
        'type: required; one of full, mobile, fixed, platform, throttling, isp',
      ]);
  });

  it('a whole number outside a field\'s range is refused by its range, not called "not a whole number" (SYNTHETIC values)', () => {
    // seed's and draws' ranges are the schema's own; year is ranged by the scenario check
    expect(refusal(costEstimate.input, { country: 'RU', type: 'full', hours: 24, seed: '99999999999999999999' })).toEqual([
      'seed: must be a whole number from 0 to 4294967295, got "99999999999999999999"',
    ]);
    expect(refusal(costEstimate.input, { country: 'RU', type: 'full', hours: 24, draws: '100001' })).toEqual([
      'draws: must be a whole number from 100 to 100000, got 100001',
    ]);
    const wire = costEstimate.input.safeParse({ country: 'RU', type: 'full', hours: 24, year: '99999' });
    expect(wire.success).toBe(true);
    expect(() => parseScenario(fromWire(wire.data as never))).toThrow(
      expect.objectContaining({ issues: expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/must be a year like 2020/) })]) }),
    );
  });
});

describe('seed: every pricing entry point takes one range, refused up front', () => {
  const seedOps = {
    'cost.estimate': costEstimate,
    'cost.regions': costRegionsOp,
    'cost.event': costEventOp,
    'cost.events': costEvents,
    'cost.compare': costCompare,
  } as const;
  const base = (name: string) =>
    name === 'cost.event' ? { id: 'x' } : name === 'cost.events' || name === 'cost.compare' ? {} : { country: 'RU', type: 'full', hours: 1 };

  it('below 0, above 4294967295, a fraction or a huge number: refused naming seed and the value (SYNTHETIC values)', () => {
    for (const [name, op] of Object.entries(seedOps))
      for (const [v, shown] of [
        ['-1', '-1'],
        ['4294967296', '4294967296'],
        ['1.5', '"1.5"'],
        ['99999999999999999999999', '"99999999999999999999999"'],
        ['9007199254740993', '"9007199254740993"'],
        [-1, '-1'],
      ] as const)
        expect(refusal(op.input, { ...base(name), seed: v }), `${name} ${v}`).toEqual([`seed: must be a whole number from 0 to 4294967295, got ${shown}`]);
  });

  it('0 and 4294967295 are taken', () => {
    for (const [name, op] of Object.entries(seedOps))
      for (const v of ['0', '4294967295']) expect(op.input.safeParse({ ...base(name), seed: v }).success, `${name} ${v}`).toBe(true);
  });

  it('the documented parameter gives its minimum and maximum', () => {
    for (const op of Object.values(seedOps)) {
      const doc = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, object> };
      expect(doc.properties.seed).toMatchObject({ type: 'integer', minimum: 0, maximum: 4294967295 });
    }
  });
});

describe('whole-number cost inputs (draws, seed, year) take digits only, on every pricing op', () => {
  // SYNTHETIC values: the spellings of 1000, 1 and 2020 that are not written as whole numbers
  const notWhole = ['1e3', '1000.0', ' 1000', '1000 ', '2.0', '2.02e3', '+1e3'];
  const scenario = { country: 'RU', type: 'full', hours: '24' };
  const cases: [string, Parameters<typeof refusal>[0], object][] = [
    ['cost.estimate', costEstimate.input, scenario],
    ['cost.regions', costRegionsOp.input, scenario],
    ['cost.event', costEventOp.input, { id: 'ru-2018-telegram-block' }],
    ['cost.events', costEvents.input, {}],
    ['cost.compare', costCompare.input, {}],
  ];
  it('refuse 1e3, 1000.0, blanks and 2.0 as not whole numbers, naming the field', () => {
    for (const [name, input, base] of cases)
      for (const key of ['draws', 'seed', ...(name === 'cost.estimate' || name === 'cost.regions' ? ['year'] : [])]) {
        if (name === 'cost.compare' && key === 'seed') continue;
        for (const v of notWhole) {
          const issues = refusal(input, { ...base, [key]: v });
          expect(issues?.length, `${name} ${key}=${JSON.stringify(v)}`).toBe(1);
          expect(issues?.[0], `${name} ${key}=${JSON.stringify(v)}`).toMatch(new RegExp(`^${key}: must be a whole number`));
        }
      }
  });
  it('take digits (a minus at most), as text or JSON numbers, and say the range of draws and seed', () => {
    expect(costEstimate.input.parse({ ...scenario, draws: '1000', seed: '1', year: '2020' })).toMatchObject({ draws: 1000, seed: 1, year: 2020 });
    expect(refusal(costEstimate.input, { ...scenario, draws: '+1000' })).toEqual(['draws: must be a whole number from 100 to 100000, got "+1000"']);
    expect(costEvents.input.parse({ draws: 1000 })).toMatchObject({ draws: 1000 });
    expect(refusal(costEstimate.input, { ...scenario, draws: '2' })).toEqual(['draws: must be a whole number from 100 to 100000, got 2']);
    expect(refusal(costEventOp.input, { id: 'x', seed: '-1' })).toEqual(['seed: must be a whole number from 0 to 4294967295, got -1']);
  });
});

describe('cost compare with a source we do not compare with', () => {
  it('is refused by the op in one wording, so the CLI and GET /api/cost/compare say the same (SYNTHETIC value)', () => {
    expect(refusal(costCompare.input, { source: 'nope' })).toEqual(['source: "nope" is not one we compare with; use top10vpn']);
    expect(costCompare.input.safeParse({ source: 'top10vpn' }).success).toBe(true);
  });
});
