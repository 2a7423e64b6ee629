/**
 * /api/registry: Russia's blocking register: a snapshot's summary, its ASes and
 * organisations, one decision across snapshots, and a lookup of an address or domain.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { registryAsns, registryDecision, registryLookup, registrySummary } from '../../registry/index.js';
import type { AppDeps } from '../deps.js';
import { json, newRouter, problem } from '../openapi.js';

const Doc = (name: string, description: string) => z.record(z.string(), z.unknown()).openapi(name, { description });

const SnapshotQuery = z.object({
  snapshot: z.string().optional().openapi({ description: 'snapshot id or date (YYYY-MM-DD); default: the latest complete snapshot, else the one with the most blocked IPv4 space', example: '2018-05-05' }),
  top: z.coerce.number().int().min(1).max(10_000).optional().openapi({ description: 'rows per list (default 10 for summary, 20 for asns)' }),
});

export function registryRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/summary',
      tags: ['registry'],
      summary: 'Distinct IPv4 addresses blocked (exact union), per decision body and decision, largest ranges, IPv6, target vs collateral',
      request: { query: SnapshotQuery },
      responses: { 200: json(Doc('RegistrySummary', 'Snapshot (with lower_bound flag), method, figures, AS data vintage'), 'Summary of one snapshot'), 400: problem('Bad snapshot'), 404: problem('No snapshots imported') },
    }),
    async (c) => c.json(await registrySummary(deps, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/asns',
      tags: ['registry'],
      summary: "Blocked IPv4 addresses per AS and organisation (today's routing), and the share of each AS's announced space",
      request: { query: SnapshotQuery },
      responses: { 200: json(Doc('RegistryAsns', 'organisations and items (ASes), largest first'), 'ASes of one snapshot'), 400: problem('Bad snapshot'), 404: problem('No snapshots imported') },
    }),
    async (c) => c.json(await registryAsns(deps, c.req.valid('query')), 200),
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/decisions/{number}',
      tags: ['registry'],
      summary: 'One decision across snapshots (URL-encode the number: 2-1779%2F2018)',
      request: { params: z.object({ number: z.string().min(1).openapi({ param: { name: 'number', in: 'path' }, example: '2-1779/2018' }) }) },
      responses: { 200: json(Doc('RegistryDecision', 'entries, distinct IPv4, collateral, organisations per snapshot'), 'The decision'), 404: problem('Decision not in any snapshot') },
    }),
    async (c) => c.json(await registryDecision(deps, c.req.valid('param').number), 200),
  );
  // Decision numbers contain "/" (2-1779/2018): accept them unencoded too.
  r.get('/api/registry/decisions/*', async (c) => {
    const raw = new URL(c.req.url).pathname.slice('/api/registry/decisions/'.length);
    return c.json(await registryDecision(deps, decodeURIComponent(raw)), 200);
  });
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/registry/lookup',
      tags: ['registry'],
      summary: 'Is an IP address or domain listed, under which decision, since when',
      request: { query: z.object({ q: z.string().min(1).openapi({ example: '149.154.167.99' }) }) },
      responses: { 200: json(Doc('RegistryLookup', 'listed, since, decisions, matches, AS today'), 'Lookup result'), 400: problem('Not an address or domain') },
    }),
    async (c) => c.json(await registryLookup(deps, c.req.valid('query').q), 200),
  );
  return r;
}
