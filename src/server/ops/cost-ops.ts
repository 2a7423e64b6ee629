/**
 * Cost engine operations: economic-data imports (`splinternet data import`) and estimates
 * (`splinternet cost ...`), in-process or through the running server.
 */
import { z } from 'zod';
import { IMPORT_KINDS, importEconFile } from '../../cost/index.js';
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
];
