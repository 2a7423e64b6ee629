/**
 * Cost engine operations: economic-data imports (`splinternet data import`) and estimates
 * (`splinternet cost ...`), in-process or through the running server.
 */
import { z } from 'zod';
import { EventOverridesSchema, IMPORT_KINDS, ScenarioWireSchema, costEvent, costRegions, estimateCost, fromWire, importEconFile, methodInfo } from '../../cost/index.js';
import { defineOp } from './types.js';

export const costOps = [
  defineOp({
    name: 'data.import',
    summary: 'Load an economic-data file (World Bank, OWID, Rosstat, NBS, Bank of Russia) into the store',
    write: true,
    input: z.object({
      kind: z.enum(IMPORT_KINDS),
      file: z.string().min(1),
      year: z.number().int().min(1900).max(2100).optional(),
      indicator: z.string().optional(),
      source: z.string().optional(),
      vintage: z.string().optional(),
    }),
    run: (ctx, input) => importEconFile(ctx, input),
  }),
  defineOp({
    name: 'cost.estimate',
    summary: 'Price a scenario with one or several methods side by side',
    write: false,
    input: ScenarioWireSchema.partial({ country: true, type: true }),
    run: (ctx, input) => estimateCost(ctx, fromWire(input as never)),
  }),
  defineOp({
    name: 'cost.regions',
    summary: 'Every region of a country, ranked by the median cost of the scenario',
    write: false,
    input: ScenarioWireSchema.partial({ country: true, type: true }),
    run: (ctx, input) => costRegions(ctx, fromWire(input as never)),
  }),
  defineOp({
    name: 'cost.event',
    summary: 'Price a ledger event (or say what it is missing)',
    write: false,
    input: EventOverridesSchema.extend({ id: z.string() }),
    run: (ctx, { id, ...o }) => costEvent(ctx, id, { ...o, method: typeof o.method === 'string' ? o.method.split(',') : o.method }),
  }),
  defineOp({
    name: 'cost.methods',
    summary: 'The cost methods, their parameters and calibration',
    write: false,
    input: z.object({}),
    run: () => Promise.resolve({ items: methodInfo() }),
  }),
];
