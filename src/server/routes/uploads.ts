/**
 * POST /api/_uploads/{op}?filename=NAME[&the op's other input fields]: an import over HTTP
 * without naming a server path. The body (application/octet-stream, at most
 * limits.maxUploadBytes) is streamed into a folder named after the file (mode 0700) inside the
 * server's private upload folder (upload-dir.ts, checked before each upload: `<dir>/NAME/NAME`,
 * the file created exclusively), so an import stores an upload under the
 * same path each time it is sent: the same file again is a rerun (unchanged, or its earlier rows
 * replaced), never a second copy, and a speed-test upload is the dataset NAME. Uploads of one
 * name run one at a time. The op runs on that one file, with the caller's token and with file
 * access to that folder only, and the folder is removed afterwards whatever happened. The op's
 * own caps (decompressed size, line, field) apply as they do to any file. The answer is the
 * op's result with the upload's name, size and SHA-256; paths inside the upload folder are
 * reported by file name only. Only ops that declare `upload` (the input key that takes the file)
 * are here, and the guard (auth.ts) has already checked the token's scope for the op.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { assertInputScopes, executeOp, type AnyOp } from '../../op/index.js';
import { AppError, isAppError, realDirs, silentProgress } from '../../shared/index.js';
import type { AppDeps, Env } from '../deps.js';
import { assertCostWork, limitsOf } from '../limits.js';
import { coercerFor, queryInput, repeatedParam } from '../mount.js';
import { problem } from '../openapi.js';
import { ALL_OPS } from '../ops/index.js';
import { uploadDirFor } from '../upload-dir.js';

export { UPLOADS_PATH } from '../body-rule.js';

/** The ops that take uploads, by name. */
export const UPLOAD_OPS: ReadonlyMap<string, AnyOp> = new Map(ALL_OPS.filter((o) => o.upload).map((o) => [o.name, o]));

/** The op named in an upload path; 404 naming the ops that take uploads otherwise. */
export function uploadOp(name: string): AnyOp {
  const op = UPLOAD_OPS.get(name);
  if (!op) throw new AppError('NOT_FOUND', `no upload import "${name}"; uploads go to one of: ${[...UPLOAD_OPS.keys()].join(', ')}`);
  return op;
}

/** A file name the importers can read meaning from (dates, years, .gz) and that names nothing else. */
const FILENAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

function safeName(name: string | undefined): string {
  if (name && FILENAME.test(name)) return name;
  throw new AppError(
    'VALIDATION',
    'filename: give the file name as ?filename=NAME (letters, digits, ".", "_", "-"; at most 200; the importers read dates and years from it)',
    { issues: [{ path: ['filename'], message: name ? 'not a plain file name' : 'required' }] },
  );
}

const running = new Map<string, Promise<unknown>>();

/** Run `work` after every earlier call with the same `key` has settled: one upload of a name at a time. */
async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const run = (running.get(key) ?? Promise.resolve()).then(work, work);
  const settled = run.catch(() => undefined);
  running.set(key, settled);
  try {
    return await run;
  } finally {
    if (running.get(key) === settled) running.delete(key);
  }
}

const tooLarge = (max: number) => new AppError('PAYLOAD_TOO_LARGE', `the upload is over ${max} bytes (the server's upload limit); nothing was stored`);

/** Stream the body into `path` (created, mode 0600), stopping with 413 past `max` bytes. */
async function saveBody(body: ReadableStream<Uint8Array> | null, path: string, max: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > max) return done(tooLarge(max));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = body ? Readable.fromWeb(body) : Readable.from([]);
  await pipeline(source, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  if (bytes === 0)
    throw new AppError('VALIDATION', 'the upload is empty: send the file as the request body', { issues: [{ path: ['body'], message: 'empty' }] });
  return { bytes, sha256: hash.digest('hex') };
}

/** `text` with every path inside `dir` shown as its file name. */
const scrub = (text: string, dir: string): string => text.split(dir + sep).join('');

function uploadInput(op: AnyOp, url: string): { input: Record<string, unknown>; list: boolean } {
  const shape = (op.input as unknown as { shape: Record<string, z.ZodType> }).shape;
  const key = op.upload!;
  const coercers = new Map(Object.entries(shape).map(([k, s]) => [k, coercerFor(s)]));
  coercers.delete(key);
  const list = Array.isArray(coercerFor(shape[key]!)(['a,b']));
  return { input: queryInput(url, coercers, op.name, ['filename']), list };
}

export function uploadRoutes(app: OpenAPIHono<Env>, deps: AppDeps): void {
  const limits = limitsOf(deps.limits);
  const uploadDir = uploadDirFor(deps.dbPath, deps.uploadDir);
  for (const op of UPLOAD_OPS.values()) {
    const shape = (op.input as unknown as { shape?: Record<string, z.ZodType> }).shape;
    if (!shape || !(op.upload! in shape)) throw new Error(`${op.name}: upload key ${op.upload} is not an input field`);
  }
  describe(app, limits.maxUploadBytes);
  app.post('/api/_uploads/:name', async (c) => {
    const op = uploadOp(c.req.param('name'));
    const grant = c.get('grant');
    const { input, list } = uploadInput(op, c.req.url);
    const names = c.req.queries('filename') ?? [];
    if (names.length > 1) throw repeatedParam('filename', names);
    const filename = safeName(names[0]);
    // A scope this input needs beyond the op's (full=true of events.import) is refused before the body is read.
    const early = op.input.safeParse({ ...input, [op.upload!]: list ? [filename] : filename });
    if (early.success) assertInputScopes(grant, op, early.data);
    const declared = Number(c.req.header('content-length') ?? NaN);
    if (declared > limits.maxUploadBytes) throw tooLarge(limits.maxUploadBytes);
    const dir = join(await uploadDir(), filename);
    return oneAtATime(dir, async () => {
      // a folder left by a server that stopped mid-upload holds nothing to keep
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { mode: 0o700 });
      try {
        const path = join(dir, filename);
        const upload = await saveBody(c.req.raw.body, path, limits.maxUploadBytes);
        input[op.upload!] = list ? [path] : path;
        const result = await executeOp(
          {
            store: deps.store,
            clock: deps.clock,
            progress: silentProgress,
            actor: grant.actor,
            // The caller may read the file it sent, and nothing else on the server.
            grant: { ...grant, files: realDirs([dir]) },
            dbPath: deps.dbPath,
            origin: deps.origin?.(),
            budget: (work, maxDraws) => assertCostWork(limits, grant.scopes.length > 0, work, maxDraws),
          },
          op,
          input,
        );
        const body = scrub(JSON.stringify({ upload: { filename, ...upload }, result }), dir);
        return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8' });
      } catch (e) {
        if (e instanceof Error) e.message = scrub(e.message, dir);
        if (isAppError(e)) for (const [k, v] of Object.entries(e.details)) if (typeof v === 'string') e.details[k] = scrub(v, dir);
        throw e;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The scopes some inputs of the op need beyond its own, as a clause of its documentation ("" when none). */
export const alsoNeedsText = (op: AnyOp): string =>
  (op.alsoNeeds ?? []).map((a) => `; ${a.when} also needs the "${a.scope}" scope (403 naming it otherwise)`).join('');

/** One documented path per upload op: the file name and the op's other input fields, exactly what the route takes. */
function describe(app: OpenAPIHono<Env>, maxBytes: number): void {
  for (const op of UPLOAD_OPS.values()) {
    const shape = (op.input as unknown as { shape: Record<string, z.ZodType> }).shape;
    const fields = Object.fromEntries(Object.entries(shape).filter(([k]) => k !== op.upload));
    app.openAPIRegistry.registerPath({
      method: 'post',
      path: `/api/_uploads/${op.name}`,
      tags: ['imports'],
      summary: `${op.summary}: the file sent in the request body (no server path needed)`,
      description:
        `The body is the file (Content-Type: application/octet-stream, at most ${maxBytes} bytes), streamed into a folder only the server's user can write and removed after the import; ` +
        `it takes the place of \`${op.upload}\` of \`${op.name}\`. Needs a token with the op's scope (\`import\`)${alsoNeedsText(op)}. The op's other input fields go in the query string, coerced as for GET routes. ` +
        'The import applies its own caps (decompressed size, line length, field length) and reconciles its counts as it does for server files. ' +
        `Example: \`curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/octet-stream" --data-binary @FILE "http://127.0.0.1:8787/api/_uploads/${op.name}?filename=NAME"\``,
      operationId: `uploads.${op.name}`,
      security: [{ bearerAuth: [] }],
      request: {
        query: z.object({
          filename: z.string().regex(FILENAME).meta({ description: 'the file name (dates and years are read from it)', example: 'kobak-2021.csv.zip' }),
          ...fields,
        }),
        body: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }, required: true },
      },
      responses: {
        200: {
          description:
            "The upload (name, bytes, SHA-256) and the op's result (counts read, stored, rejected). An import that rejected some rows is answered 200 too, " +
            'as every partial result over HTTP: its result lists the rejects (the CLI exits 3 on the same report)',
          content: {
            'application/json': {
              schema: z.object({ upload: z.object({ filename: z.string(), bytes: z.number(), sha256: z.string() }), result: z.looseObject({}) }),
            },
          },
        },
        400: problem('Invalid input (each field named), an empty body, or a file the importer refused'),
        401: problem('No token'),
        403: problem('Token refused or without the op\u2019s scope'),
        413: problem('Body over the upload limit'),
        415: problem('Not application/octet-stream'),
        503: problem("The server's upload folder is not private to the server's user (another owner, group or other access, a symbolic link): nothing stored"),
      },
    });
  }
}
