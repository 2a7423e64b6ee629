/**
 * HTTP from the operations: one function registers a route and its OpenAPI description for
 * every op that has an HTTP binding. What this guarantees, once for all ops:
 * - query strings are coerced by the input schema's field types, the same way everywhere:
 *   booleans accept true/1/yes and false/0/no, numbers are plain decimals (never hex, Infinity
 *   or NaN: such text is left for the schema to refuse by name), list fields take repeated
 *   parameters and comma-separated values; any other parameter sent twice is a 400 naming it;
 * - a query parameter the route does not take is refused (400 naming it, the nearest accepted
 *   name and every accepted one; unknown-params.ts): the names taken are the input schema's
 *   keys less the path parameters (GET, DELETE); a route whose input is the JSON body takes none;
 * - path parameters (`{id}`) and the JSON body (non-GET) are merged into the same input and
 *   validated once by the op's schema (failures: 400 problem+json naming each field); a body
 *   field the route's documented body schema does not declare is refused the same way (validate.ts);
 * - writes need a token with the op's scope before the body is read (auth.ts apiGuard, then
 *   executeOp); public reads run anonymously, or as the token presented (apiGuard refuses one
 *   that is not valid on every route); answers to a request with a token are never cached;
 * - the response is the op's result as JSON, described in OpenAPI by the op's output schema;
 *   a GET op with rows also answers with them as a file (`?format=`, Accept), and a file of one
 *   page of a longer list carries `Link: <same path and query, cursor=next>; rel="next"`.
 * Hand-written routes remain only where HTTP itself is the feature (routes/*.ts); their query
 * strings go through queryParser, which checks values and date ranges as executeOp does.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  check,
  executeOp,
  fileWithout,
  nextCursor,
  opScope,
  rowFormat,
  rowsFile,
  rowsOf,
  ROW_FORMATS,
  schemaColumns,
  schemaIntColumns,
  type AnyOp,
  type HttpBinding,
  type OpContext,
  type RowsBinding,
} from '../op/index.js';
import { AppError, issuesFromZod, parseDecimal, parseWhole, silentProgress, validationError, type Grant } from '../shared/index.js';
import { acceptedRowFormat, ROW_MEDIA } from './accept.js';
import type { AppDeps, Env } from './deps.js';
import { ProblemSchema } from './openapi.js';
import { httpWording } from './problem.js';
import { refuseUnknownParams } from './unknown-params.js';
import { jsonBody } from './validate.js';
import { assertCostWork, assertLedgerWork, limitsOf, type Limits } from './limits.js';

/** Raw values of one query parameter to the schema's type; `name` is the parameter, named when it is refused. */
type Coerce = (values: string[], name?: string) => unknown;

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

type Def = { _zod: { def: { type: string; innerType?: Def; in?: Def; element?: Def; options?: Def[] } } };

/** The schema under optional/nullable/default wrappers and preprocess pipes. */
function unwrap(s: z.ZodType): Def {
  let cur = s as unknown as Def;
  for (;;) {
    const def = cur._zod.def;
    if (def.innerType) cur = def.innerType;
    else if (def.type === 'pipe' && def.in) cur = def.in;
    else return cur;
  }
}

const scalar =
  (type: string, whole = false) =>
  (v: string): unknown => {
    if (type === 'boolean') return TRUE.has(v.toLowerCase()) ? true : FALSE.has(v.toLowerCase()) ? false : v;
    // a whole-number field reads digits only; anything else stays text for the schema to refuse
    if (whole) return parseWhole(v) ?? v;
    if (type === 'number' || type === 'int') return parseDecimal(v) ?? v;
    return v;
  };

/** The field is a whole number (z.number().int(), z.int()). */
const isWhole = (d: Def): boolean => (d as unknown as { format?: string }).format === 'safeint';

/** How one query field turns its raw values into the schema's type (an empty list item is kept, for the schema to refuse). Decided once per op. */
export function coercerFor(s: z.ZodType): Coerce {
  let base = unwrap(s);
  // "one or several" (a string or a list of them) reads as a list.
  const list = base._zod.def.options?.map((o) => unwrap(o as unknown as z.ZodType)).find((o) => o._zod.def.type === 'array');
  if (base._zod.def.type === 'union' && list) base = list;
  if (base._zod.def.type === 'array') {
    const el = base._zod.def.element;
    const inner = el ? unwrap(el as unknown as z.ZodType) : null;
    const each = scalar(inner ? inner._zod.def.type : 'string', inner ? isWhole(inner) : false);
    return (values) => values.flatMap((v) => v.split(',')).map(each);
  }
  const one = scalar(base._zod.def.type, isWhole(base));
  // A single-valued parameter sent twice is refused: neither value would be right to pick.
  return (values, name) => {
    if (values.length > 1) throw repeatedParam(name ?? 'parameter', values);
    return one(values[0]!);
  };
}

/** The 400 for a single-valued query parameter given more than once, naming it and the values sent. */
export function repeatedParam(name: string, values: readonly string[]): AppError {
  return new AppError(
    'VALIDATION',
    `the query parameter ${JSON.stringify(name)} takes one value; it was given ${values.length}: ${values.map((v) => JSON.stringify(v)).join(', ')}`,
    {
      issues: [{ path: [name], message: `one value only (given ${values.length})` }],
    },
  );
}

function objectShape(s: z.ZodType): Record<string, z.ZodType> {
  const shape = (s as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) throw new Error('an op with an HTTP binding needs an object input schema');
  return shape;
}

/**
 * The same coercion and validation for a hand-written route's query string (exports): a
 * function from the request URL to the schema's output.
 */
export function queryParser<S extends z.ZodObject>(schema: S, opName: string): (url: string) => z.output<S> {
  const coercers = new Map(Object.entries(schema.shape as Record<string, z.ZodType>).map(([k, s]) => [k, coercerFor(s)]));
  // worded as executeOp words it for the op the route stands for, so the CLI twin's message is the same
  const prefix = `invalid input for ${opName}`;
  return (url) => {
    const input = queryInput(url, coercers, opName);
    const r = schema.safeParse(input);
    if (!r.success) throw validationError(issuesFromZod(r.error, input), prefix);
    const reversed = check.rangeIssues(r.data);
    if (reversed.length) throw validationError(reversed, prefix);
    return r.data;
  };
}

/** What an op run for an HTTP request gets: the caller's grant, its Monte Carlo budgets (a token lifts them), and answers naming request parameters. */
export function httpOpContext(deps: AppDeps, limits: Limits, grant: Grant): OpContext {
  const authenticated = grant.scopes.length > 0;
  return {
    store: deps.store,
    clock: deps.clock,
    progress: silentProgress,
    actor: grant.actor,
    grant,
    dbPath: deps.dbPath,
    origin: deps.origin?.(),
    budget: (work, maxDraws) => assertCostWork(limits, authenticated, work, maxDraws),
    ledgerBudget: (scenarios, draws, unit) => assertLedgerWork(limits, authenticated, scenarios, draws, unit),
    wording: httpWording,
  };
}

/**
 * Read the query string into the op's input, by the coercers: the names the route takes are the
 * coercers' keys and `extra` (read by the route itself); any other name is refused, naming `what`.
 */
export function queryInput(url: string, coercers: Map<string, Coerce>, what: string, extra: readonly string[] = []): Record<string, unknown> {
  refuseUnknownParams(url, [...coercers.keys(), ...extra], what);
  const q = url.indexOf('?');
  const out: Record<string, unknown> = {};
  if (q < 0) return out;
  const raw = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(url.slice(q + 1))) {
    if (!coercers.has(k)) continue;
    const list = raw.get(k);
    if (list) list.push(v);
    else raw.set(k, [v]);
  }
  for (const [k, vs] of raw) out[k] = coercers.get(k)!(vs, k);
  return out;
}

function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('VALIDATION', 'the request body must be a JSON object', { issues: [{ path: [], message: 'not an object' }] });
  }
  return { ...(body as Record<string, unknown>) };
}

const STATUS_TEXT = { 401: 'No token', 403: 'Token refused' } as const;

/** An op with rows also answers its GET route with them as a file (?format=, or Accept). */
/** X-Rows-Total when a file holds fewer rows than the answer's total. */
function cutHeader(result: unknown, binding: RowsBinding): Record<string, string> {
  const total = (result as { total?: unknown }).total;
  return typeof total === 'number' && rowsOf(result, binding).length < total ? { 'x-rows-total': String(total) } : {};
}

const answersFiles = (op: AnyOp, http: HttpBinding) => Boolean(op.rows) && http.method === 'get';

/** The answer can be one page of a longer list: its output declares a `next_cursor` that is not always null. */
const pagedOutput = (op: AnyOp): boolean => {
  const cursor = (op.output as unknown as { shape?: Record<string, z.ZodType> }).shape?.next_cursor;
  return cursor !== undefined && unwrap(cursor)._zod.def.type !== 'null';
};

/** The request's own path and query with `cursor` set to the next page's (other parameters kept as sent). */
export function nextPageUrl(url: string, cursor: string): string {
  const u = new URL(url);
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((p) => p !== '' && !new URLSearchParams(p).has('cursor'));
  return `${u.pathname}?${[...kept, `cursor=${encodeURIComponent(cursor)}`].join('&')}`;
}

function describe(app: OpenAPIHono<Env>, op: AnyOp, http: HttpBinding, pathKeys: string[], rest: Record<string, z.ZodType>): void {
  const shape = objectShape(op.input);
  const params = pathKeys.length ? z.object(Object.fromEntries(pathKeys.map((k) => [k, shape[k]!]))) : undefined;
  const inQuery = http.method === 'get' || http.method === 'delete';
  const files = answersFiles(op, http);
  const restSchema = z.object(
    files
      ? {
          ...rest,
          format: z
            .enum(['json', ...ROW_FORMATS])
            .optional()
            .meta({
              description: `json (default): the answer; csv, ndjson or parquet: its ${op.rows!.key} as a file, one row each (nested values as JSON text${op.rows!.carry?.length ? `; every row carries ${op.rows!.carry.join(', ')}` : ''})`,
            }),
        }
      : rest,
  );
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
  const errors: Record<string, ReturnType<typeof problem>> = { 400: problem('Invalid input (each field named)') };
  // an op that needs a scope (a write, or a read-scoped listing such as rejects) says so: bearer security, 401 and 403
  const needsToken = opScope(op) !== null;
  if (needsToken) Object.assign(errors, { 401: problem(STATUS_TEXT[401]), 403: problem(STATUS_TEXT[403]) });
  for (const [code, text] of Object.entries(http.errors ?? {})) errors[code] = problem(text);
  app.openAPIRegistry.registerPath({
    method: http.method,
    path: http.path,
    tags: [http.tag ?? op.name.split('.')[0]!],
    summary: op.summary,
    ...(http.notes ? { description: http.notes } : {}),
    operationId: op.name,
    ...(needsToken ? { security: [{ bearerAuth: [] }] } : {}),
    request: {
      ...(params ? { params } : {}),
      ...(inQuery
        ? Object.keys(rest).length || files
          ? { query: restSchema }
          : {}
        : { body: { content: { 'application/json': { schema: http.body?.schema ?? restSchema } }, required: true } }),
    },
    responses: {
      200: {
        description: http.description ?? op.summary,
        ...(files && pagedOutput(op)
          ? {
              headers: {
                Link: {
                  description: 'on a file answer (csv, ndjson, parquet) that holds one page: `<this path and query with cursor=next_cursor>; rel="next"`',
                  schema: { type: 'string' as const },
                },
              },
            }
          : http.headers
            ? { headers: Object.fromEntries(Object.entries(http.headers).map(([k, d]) => [k, { description: d, schema: { type: 'string' as const } }])) }
            : {}),
        content: {
          'application/json': { schema: op.output },
          ...Object.fromEntries([...(http.media ?? []), ...(files ? Object.values(ROW_MEDIA) : [])].map((m) => [m, { schema: { type: 'string' as const } }])),
        },
      },
      ...errors,
    },
  });
}

/** Register every op that has an HTTP binding on the app. */
export function mountOps(app: OpenAPIHono<Env>, deps: AppDeps, ops: readonly AnyOp[]): void {
  const limits = limitsOf(deps.limits);
  for (const op of ops) {
    const http = op.http;
    if (!http) continue;
    const shape = objectShape(op.input);
    if (http.body && !(http.body.key in shape)) throw new Error(`${op.name}: body key ${http.body.key} is not an input field`);
    const pathKeys = [...http.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const k of pathKeys) if (!(k in shape)) throw new Error(`${op.name}: path parameter {${k}} is not an input field`);
    if (http.rest && !pathKeys.includes(http.rest)) throw new Error(`${op.name}: rest parameter ${http.rest} is not in the path`);
    const rest = Object.fromEntries(Object.entries(shape).filter(([k]) => !pathKeys.includes(k)));
    const inQuery = http.method === 'get' || http.method === 'delete';
    const coercers = new Map(Object.entries(rest).map(([k, s]) => [k, coercerFor(s)]));
    const bodySchema = z.object(rest);
    describe(app, op, http, pathKeys, rest);
    if (http.handwritten) continue;
    const honoPath = http.path.replace(/\{(\w+)\}/g, (_, k: string) => (k === http.rest ? `:${k}{.+}` : `:${k}`));
    app.on(http.method.toUpperCase(), honoPath, async (c: Context<Env>) => {
      // The caller as apiGuard identified it (a token presented with a read is checked there too).
      const grant = c.get('grant');
      // Read from the query (GET, DELETE) or the body; a body route takes no query parameter.
      const files = answersFiles(op, http);
      const query = queryInput(c.req.url, inQuery ? coercers : new Map(), op.name, files ? ['format'] : []);
      const formats = files ? new URL(c.req.url).searchParams.getAll('format') : [];
      if (formats.length > 1) throw repeatedParam('format', formats);
      const asked = formats[0];
      // ?format= first, else the Accept header (accept.ts)
      const format = !files ? null : asked === undefined ? acceptedRowFormat(c.req.header('accept')) : asked === 'json' ? null : rowFormat(asked, 'format');
      // The body is held to the schema the route documents (a field it does not declare is refused).
      const declared = { schema: http.body?.schema ?? bodySchema, what: op.name };
      const input = inQuery ? query : http.body ? { [http.body.key]: await jsonBody(c, declared) } : bodyObject(await jsonBody(c, declared));
      for (const k of pathKeys) input[k] = c.req.param(k);
      if (format) fileWithout(op.rows!, input, (k) => k);
      // a file asked for without a page size holds every row, up to the op's most
      const fileLimit = format ? op.rows!.fileLimit : undefined;
      if (fileLimit && input[fileLimit.field] === undefined) input[fileLimit.field] = fileLimit.all;
      const result = await executeOp(httpOpContext(deps, limits, grant), op, input);
      // a route that also answers a file by Accept says so on its JSON answer too
      if (!format) return c.json(result as object, 200, files ? { vary: 'Accept' } : {});
      const file = await rowsFile(
        result,
        op.rows!,
        format,
        () => deps.store.tabular,
        schemaColumns(op.output, op.rows!),
        schemaIntColumns(op.output, op.rows!),
      );
      const next = nextCursor(result);
      return c.body(file.body as never, 200, {
        'content-type': ROW_MEDIA[format],
        'content-disposition': `attachment; filename="${op.name}.${format}"`,
        vary: 'Accept',
        // a file holds one page; RFC 8288 says where the next one is
        ...(next ? { link: `<${nextPageUrl(c.req.url, next)}>; rel="next"` } : {}),
        // a file cut by its limit says how many rows there are in all
        ...(fileLimit ? cutHeader(result, op.rows!) : {}),
      });
    });
  }
}
