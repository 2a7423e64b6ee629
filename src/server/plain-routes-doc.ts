/**
 * The routes answered by plain handlers rather than declared from an operation's schemas,
 * entered in /openapi.json so the document lists every route the server answers: /healthz, the
 * feeds, and POST /api/_ops/{name}, through which a token runs any operation by name (the CLI
 * uses it while a server holds the database). Entries only: the handlers stay where they are.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { opScope, type AnyOp } from '../op/index.js';
import type { Env } from './deps.js';
import { bearerSecurity, json, problem } from './openapi.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']).meta({ description: 'degraded: a shard of the ClickHouse store does not answer; down (HTTP 503): none does' }),
    store: z.string().meta({ description: 'the store kind (duckdb or clickhouse)' }),
    schema_version: z.number().nullable().meta({ description: 'null when no shard answers (unknown)' }),
    server_version: z.string().nullable().meta({ description: 'null when no shard answers (unknown)' }),
    shards: z
      .object({
        total: z.number(),
        answering: z.number(),
        not_answering: z.array(z.object({ shard: z.number(), host: z.string(), port: z.number(), error: z.string().nullable() })),
      })
      .optional()
      .meta({ description: 'ClickHouse only; not_answering names each shard that does not answer and why' }),
  })
  .openapi('Health');

const FEED_TYPES = {
  'application/atom+xml': { schema: { type: 'string' as const } },
  'application/feed+json': { schema: { type: 'object' as const } },
};

/** One line per operation: its name and the token scope it needs. */
const opList = (ops: readonly AnyOp[]) =>
  [...ops]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((o) => {
      const scope = opScope(o);
      const also = (o.alsoNeeds ?? []).map((a) => `; ${a.when}: the "${a.scope}" scope as well`).join('');
      return `- \`${o.name}\`: ${scope ? `${scope} scope` : 'any valid token'}${also}`;
    })
    .join('\n');

export function documentPlainRoutes(app: OpenAPIHono<Env>, ops: readonly AnyOp[]): void {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Whether the server and its store answer',
    security: [],
    responses: {
      200: json(HealthSchema, 'The server answers (status degraded when a shard of the store does not)'),
      503: json(HealthSchema, 'No shard of the ClickHouse store answers (status down)'),
      403: problem('The request names a Host this server does not answer to'),
    },
  });
  const feed = (path: string, operationId: string, params: z.ZodObject, what: string) =>
    r.registerPath({
      method: 'get',
      path,
      operationId,
      summary: what,
      description:
        'The 50 most recently written items; `.atom` is Atom 1.0, `.json` JSON Feed 1.1. A feed takes no query parameters (one sent is a 400 naming it).',
      security: [],
      request: { params },
      responses: {
        200: { description: 'The feed', content: FEED_TYPES },
        400: problem('A query parameter was sent'),
        404: problem('No such feed, or a code that is no country'),
      },
    });
  feed(
    '/feeds/{name}',
    'feeds.get',
    z.object({ name: z.string().meta({ description: 'events.atom, drafts.atom, {CC}.atom (and the .json twins)', example: 'events.atom' }) }),
    'Confirmed events or draft detections, worldwide or of one country',
  );
  feed(
    '/feeds/{cc}/{name}',
    'feeds.country.get',
    z.object({
      cc: z.string().meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'IR' }),
      name: z.string().meta({ description: 'drafts.atom or drafts.json', example: 'drafts.atom' }),
    }),
    "A country's draft detections",
  );
  r.registerPath({
    method: 'post',
    path: '/api/_ops/{name}',
    operationId: 'ops.run',
    summary: 'Run an operation by name',
    description: `The body is the operation's input, as the CLI command of the same name takes it (its fields are documented by the operation's own route where it has one, and by \`--help\`). The answer is NDJSON: progress lines, then one \`{"type":"result"}\` or \`{"type":"error","problem":{...}}\` line; an operation that fails before reporting progress answers its problem+json status instead. Every call needs a bearer token whose scopes cover the operation:\n${opList(ops)}`,
    security: bearerSecurity,
    request: {
      params: z.object({ name: z.enum(ops.map((o) => o.name) as [string, ...string[]]).meta({ description: 'the operation' }) }),
      body: { content: { 'application/json': { schema: z.looseObject({}) } }, required: true },
    },
    responses: {
      200: { description: 'NDJSON: progress lines, then the result or the error', content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
      400: problem('The input is not valid for the operation (naming each field)'),
      401: problem('No token'),
      403: problem('The token lacks the scope, or a file is outside its folders'),
      404: problem('No operation of that name, or a server file the input names is not there (INGEST_IO: missing, or a folder where a file is wanted)'),
      409: problem(
        'The operation conflicts with what is stored (a token revoked twice, a webhook sealed under a key not held, a removed subscription replayed)',
      ),
      503: problem('Cost pricing is busy (the cost.* operations); retry in a few seconds'),
    },
  });
}
