/**
 * Cost engine operations: economic-data imports (`splinternet data import`) and estimates
 * (`splinternet cost ...`), in-process or through the running server.
 */
import { z } from 'zod';
import { check } from '../../op/index.js';
import { EXPORT_FORMATS } from '../../ledger/index.js';
import { compareTop10vpn, EventOverridesSchema, IMPORT_KINDS, LedgerCostQuerySchema, costLedger, exportLedgerCost, splitLedgerCostQuery, ScenarioWireSchema, costEvent, costRegions, estimateCost, fromWire, importEconFile, methodInfo } from '../../cost/index.js';
import { defineOp } from './types.js';

export const costOps = [
  defineOp({
    name: 'data.import',
    summary: 'Load an economic-data file (World Bank, OWID, Rosstat, NBS, Bank of Russia) into the store',
    write: true,
    scope: 'import',
    files: (i) => [i.file],
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
    name: 'cost.events',
    summary: 'Price every shutdown, throttling and block event matching the filters (one row per estimate; unpriced events say what they miss)',
    write: false,
    input: LedgerCostQuerySchema.extend({ format: z.enum(EXPORT_FORMATS).optional() }),
    run: async (ctx, { format, ...q }) => {
      const { filters, overrides } = splitLedgerCostQuery(q);
      const report = await costLedger(ctx, filters, overrides);
      const { rows, ...counts } = report;
      if (!format) return { ...counts, items: rows };
      const body = await exportLedgerCost(ctx.store, report, format);
      return { ...counts, format, rows: rows.length, ...(typeof body === 'string' ? { body, encoding: 'utf8' as const } : { body: body.toString('base64'), encoding: 'base64' as const }) };
    },
  }),
  defineOp({
    name: 'cost.compare',
    summary: "Our yearly cost per country (each method) beside Top10VPN's: ratio, hours and users affected, the events behind ours, the cause where we differ by more than 3×",
    write: false,
    input: z.object({
      source: z.enum(['top10vpn']).default('top10vpn'),
      country: check.countryCode.optional(),
      end: LedgerCostQuerySchema.shape.end,
      severity: LedgerCostQuerySchema.shape.severity,
      draws: LedgerCostQuerySchema.shape.draws,
    }),
    run: (ctx, { country, end, severity, draws }) => compareTop10vpn(ctx, { country, overrides: Object.fromEntries(Object.entries({ end, severity, draws }).filter(([, v]) => v !== undefined)) }),
  }),
  defineOp({
    name: 'cost.methods',
    summary: 'The cost methods, their parameters and calibration',
    write: false,
    input: z.object({}),
    run: () => Promise.resolve({ items: methodInfo() }),
  }),
];
