// Detector parameters outside their range are refused naming the parameter (values SYNTHETIC).
import { describe, expect, it } from 'vitest';
import { parseInput } from '../op/index.js';
import { detectRun } from './ops.js';
import { DEFAULT_DETECT_PARAMS, resolveParams } from './run.js';
import { PARAM_CHOICES, PARAM_RANGES, paramRangeProblem } from './param-ranges.js';

const refused = (over: Record<string, Record<string, unknown>>) => {
  try {
    resolveParams(over);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe('detector parameter ranges', () => {
  it('every numeric default is inside its range, and every numeric parameter has one', () => {
    for (const [kind, params] of Object.entries(DEFAULT_DETECT_PARAMS as unknown as Record<string, Record<string, unknown>>))
      for (const [name, v] of Object.entries(params)) {
        if (typeof v !== 'number') continue;
        expect(PARAM_RANGES[kind]?.[name], `${kind}.${name}`).toBeDefined();
        expect(refused({ [kind]: { [name]: v } }), `${kind}.${name}`).toBeNull();
      }
  });

  it('refuses a negative history, a fraction of a count, -1 networks and a non-finite number, naming each', () => {
    expect(refused({ outage: { historyDays: -2 } })).toBe('params.outage.historyDays: must be a number from 1 to 366, got -2');
    expect(refused({ outage: { minLowSamples: 2.5 } })).toMatch(/^params\.outage\.minLowSamples: must be a whole number from 1 to 1000000, got 2\.5$/);
    expect(refused({ outage: { recoverySamples: 0 } })).toMatch(/^params\.outage\.recoverySamples: /);
    expect(refused({ outage: { maxGapMin: -1 } })).toMatch(/^params\.outage\.maxGapMin: must be a number above 0 and at most 1000000, got -1$/);
    expect(refused({ block: { edd: -5 } })).toMatch(/^params\.block\.edd: /);
    expect(refused({ block: { minNetworks: -1 } })).toMatch(/^params\.block\.minNetworks: /);
    expect(refused({ shutdown: { alpha: 0 } })).toMatch(/^params\.shutdown\.alpha: must be a number above 0 and at most 0\.5, got 0$/);
    expect(refused({ throttling: { maxRatio: 1.5 } })).toMatch(/^params\.throttling\.maxRatio: /);
    expect(refused({ outage: { dropRatio: 0 } })).toMatch(/^params\.outage\.dropRatio: must be a number from 0\.01 to 0\.99, got 0$/);
  });

  it('states the upper bound of every range, so a value above it is told what is allowed', () => {
    expect(refused({ outage: { maxGapMin: 2000000 } })).toBe('params.outage.maxGapMin: must be a number above 0 and at most 1000000, got 2000000');
    expect(refused({ block: { edd: 2000000 } })).toBe('params.block.edd: must be a number above 0 and at most 1000000, got 2000000');
    expect(refused({ throttling: { z: 1e7 } })).toBe('params.throttling.z: must be a number above 0 and at most 1000000, got 10000000');
    expect(refused({ block: { gapHours: 2e6 } })).toBe('params.block.gapHours: must be a number from 0 to 1000000, got 2000000');
    expect(refused({ block: { minNetworks: 2e6 } })).toBe('params.block.minNetworks: must be a whole number from 1 to 1000000, got 2000000');
  });

  it('refuses a per-source override for a source there is not (a misspelt name never applies)', () => {
    expect(refused({ outage: { bySource: { darkent: { dropRatio: 0.99 } } } })).toMatch(
      /^params\.outage\.bySource\.darkent: unknown data source; the sources are darknet, active_probing, bgp, ooni_measurements$/,
    );
    expect(refused({ outage: { bySource: { darknet: { dropRatio: 0.25 } } } })).toBeNull();
    // IODA's API names (and any case) are the same sources
    expect(refused({ outage: { bySource: { 'ucsd-nt': { dropRatio: 0.25 }, 'Ping-Slash24': { dropRatio: 0.3 } } } })).toBeNull();
  });

  it('refuses two names of one signal (its name and IODA API name, or two cases) in either order, naming the second key', () => {
    expect(refused({ outage: { bySource: { darknet: { dropRatio: 0.3 }, 'ucsd-nt': { dropRatio: 0.6 } } } })).toBe(
      'params.outage.bySource.ucsd-nt: the same signal as params.outage.bySource.darknet (darknet); give each signal once',
    );
    expect(refused({ outage: { bySource: { 'ucsd-nt': { dropRatio: 0.6 }, darknet: { dropRatio: 0.3 } } } })).toBe(
      'params.outage.bySource.darknet: the same signal as params.outage.bySource.ucsd-nt (darknet); give each signal once',
    );
    expect(refused({ outage: { bySource: { Active_Probing: { dropRatio: 0.3 }, active_probing: { dropRatio: 0.3 } } } })).toMatch(
      /^params\.outage\.bySource\.active_probing: the same signal as params\.outage\.bySource\.Active_Probing \(active_probing\)/,
    );
  });

  it('states the range of a per-source threshold in the words of the run-wide one', () => {
    expect(paramRangeProblem('outage', 'dropRatio', 5)).toBe('must be a number from 0.01 to 0.99, got 5');
    expect(paramRangeProblem('outage', 'poissonAlpha', '0.1')).toBe('must be a number from 1e-9 to 0.5, got "0.1"');
    expect(paramRangeProblem('outage', 'minBaseline', 20)).toBeNull();
  });

  it('every text default is among its parameter choices, and every text parameter has them', () => {
    for (const [kind, params] of Object.entries(DEFAULT_DETECT_PARAMS as unknown as Record<string, Record<string, unknown>>))
      for (const [name, v] of Object.entries(params)) {
        if (typeof v !== 'string') continue;
        expect(PARAM_CHOICES[kind]?.[name], `${kind}.${name}`).toContain(v);
        expect(refused({ [kind]: { [name]: v } }), `${kind}.${name}`).toBeNull();
      }
  });

  it('refuses a text parameter outside its choices, naming the parameter and the choices', () => {
    expect(refused({ block: { initial: 'weird' } })).toBe('params.block.initial: must be one of "ok", "unknown", got "weird"');
    expect(refused({ shutdown: { baseline: 'weird' } })).toBe('params.shutdown.baseline: must be one of "hour_of_day", "window", got "weird"');
    expect(refused({ block: { initial: 'unknown' } })).toBeNull();
    expect(refused({ shutdown: { baseline: 'window' } })).toBeNull();
    expect(paramRangeProblem('block', 'initial', 'OK')).toBe('must be one of "ok", "unknown", got "OK"');
  });

  it('refuses a wrong-typed value by what the parameter takes (its choices, a number), naming it; an unknown name lists the names', () => {
    expect(refused({ block: { initial: 5 } })).toBe('params.block.initial: must be one of "ok", "unknown", got 5');
    for (const [kind, params] of Object.entries(PARAM_CHOICES))
      for (const [name, choices] of Object.entries(params))
        for (const bad of [5, true, null, ['ok']])
          expect(refused({ [kind]: { [name]: bad } }), `${kind}.${name}`).toBe(
            `params.${kind}.${name}: must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${JSON.stringify(bad)}`,
          );
    for (const [kind, params] of Object.entries(PARAM_RANGES))
      for (const name of Object.keys(params))
        for (const bad of ['5', true, null])
          expect(refused({ [kind]: { [name]: bad } }), `${kind}.${name}`).toMatch(
            new RegExp(`^params\\.${kind}\\.${name}: must be a (whole )?number .*, got ${JSON.stringify(bad)}$`),
          );
    expect(refused({ block: { nosuch: 1 } })).toMatch(/^params\.block\.nosuch: unknown parameter; the parameters of block are mu0, mu1, /);
  });

  it('names every refused detector and parameter of one request at once, each with its own issue', () => {
    const over = { block: { h: -1, mu0: 'x', edd: 5 }, nosuch: {}, outage: { historyDays: -2 } };
    expect(refused(over)).toBe(
      [
        'params.block.h: unknown parameter; the parameters of block are ' + Object.keys(DEFAULT_DETECT_PARAMS.block).join(', '),
        'params.block.mu0: must be a number from 0 to 1, got "x"',
        'unknown detector "nosuch" in params; valid: block, throttling, shutdown, outage',
        'params.outage.historyDays: must be a number from 1 to 366, got -2',
      ].join('; '),
    );
    try {
      resolveParams(over);
    } catch (e) {
      expect((e as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'))).toEqual([
        'params.block.h',
        'params.block.mu0',
        'params.nosuch',
        'params.outage.historyDays',
      ]);
    }
  });

  it('refuses pairs that make no sense together, naming the second: mu1 not above mu0, critical above warning', () => {
    const issue = (over: Record<string, Record<string, unknown>>) => {
      try {
        resolveParams(over);
      } catch (e) {
        return (e as { issues: { path: string[] }[] }).issues[0]!.path.join('.');
      }
      return null;
    };
    // mu0 0.9 over the default mu1 0.7 would give h = -2: every series "blocked" from its first hour
    expect(refused({ block: { mu0: 0.9 } })).toBe('params.block.mu1: must be above mu0 (0.9), got 0.7');
    expect(issue({ block: { mu0: 0.9 } })).toBe('params.block.mu1');
    expect(refused({ block: { mu0: 0.5, mu1: 0.5 } })).toBe('params.block.mu1: must be above mu0 (0.5), got 0.5');
    expect(refused({ block: { mu0: 0.2, mu1: 0.9 } })).toBeNull();
    expect(refused({ shutdown: { critical: 0.9 } })).toBe('params.shutdown.critical: must be at most warning (0.8), got 0.9');
    expect(refused({ shutdown: { warning: 0.4 } })).toBe('params.shutdown.critical: must be at most warning (0.4), got 0.5');
    expect(refused({ shutdown: { warning: 0.5 } })).toBeNull();
  });
});

describe('parameter and detector names that are members of every JavaScript object', () => {
  // SYNTHETIC names: Object.prototype members a plain-object lookup would find
  const MEMBERS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

  it('are unknown parameters of a detector, in the words any unknown parameter gets', () => {
    for (const m of MEMBERS) {
      expect(refused({ outage: { [m]: 1 } })).toMatch(new RegExp(`^params\\.outage\\.${m}: unknown parameter; the parameters of outage are dropRatio, `));
      expect(paramRangeProblem('outage', m, 1)).toBeNull();
    }
  });

  it('are unknown detectors', () => {
    for (const m of MEMBERS) expect(refused({ [m]: {} })).toBe(`unknown detector "${m}" in params; valid: block, throttling, shutdown, outage`);
  });

  it('__proto__ in params (as JSON.parse reads it from --params or a body) is refused naming its path, never dropped', () => {
    for (const text of ['{"outage":{"__proto__":{"dropRatio":0.99}}}', '{"__proto__":{"outage":{"dropRatio":0.99}}}']) {
      const raw = { kind: 'outage', asn: 'AS44244', params: JSON.parse(text) as unknown };
      expect(() => parseInput(detectRun, raw), text).toThrow(/params(\.outage)?\.__proto__/);
    }
  });
});
