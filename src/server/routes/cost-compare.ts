/**
 * GET /api/cost/compare: our yearly cost per country (each method) beside Top10VPN's published
 * yearly cost of shutdowns, with the ratio, hours and users affected on both sides, the events
 * behind ours and, where we differ by more than 3×, the cause. As `splinternet cost compare top10vpn`.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { compareTop10vpn } from '../../cost/index.js';
import { check } from '../../op/index.js';
import { silentProgress } from '../../shared/index.js';
import type { AppDeps } from '../deps.js';
import { newRouter, problem } from '../openapi.js';

const Row = z
  .object({
    country: z.string(),
    year: z.number(),
    ours: z.record(z.string(), z.number()).describe('USD, sum of the events’ medians in the year, per method'),
    theirs: z.number().nullable(),
    ratio: z.number().nullable(),
    within: z.string().nullable(),
    their_hours: z.number().nullable(),
    their_users: z.number().nullable(),
    our_hours: z.number(),
    our_users: z.number(),
    events: z.array(z.object({ id: z.string(), title: z.string(), hours: z.number(), usd: z.number().nullable() })),
    events_not_priced: z.array(z.object({ id: z.string(), title: z.string(), missing: z.string() })),
    cause: z.string().nullable(),
  })
  .openapi('CostCompareRow');
const Report = z
  .object({
    source: z.object({ title: z.string(), url: z.string() }),
    method: z.string(),
    overrides: z.record(z.string(), z.unknown()),
    rows: z.array(Row),
    summary: z.record(z.string(), z.number()),
    notes: z.array(z.string()),
  })
  .openapi('CostCompare');

export function costCompareRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/cost/compare',
      tags: ['cost'],
      summary: "Our yearly cost per country beside Top10VPN's, with the cause where they differ",
      description:
        'source: top10vpn. Throttling is priced at severity 1 unless `severity` is given (Top10VPN counts unusable throttling as a shutdown); ongoing events only with `end`.',
      request: {
        query: z.object({
          source: z.enum(['top10vpn']).default('top10vpn'),
          country: check.countryCode.optional(),
          end: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}/, 'a date YYYY-MM-DD')
            .optional(),
          severity: z.coerce.number().min(0).max(1).optional(),
        }),
      },
      responses: {
        200: { description: 'Rows per country and year, and a summary', content: { 'application/json': { schema: Report } } },
        400: problem('Bad parameter'),
      },
    }),
    async (c) => {
      const { country, end, severity } = c.req.valid('query');
      const overrides = Object.fromEntries(Object.entries({ end, severity }).filter(([, v]) => v !== undefined));
      return c.json((await compareTop10vpn({ store: deps.store, progress: silentProgress }, { country, overrides })) as never, 200);
    },
  );
  return r;
}
