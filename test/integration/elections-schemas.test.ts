// The elections routes' answers on the shipped fixtures (Moscow 2021 with its DEG series and
// single-mandate table, the 2016 national cut) hold no field their /openapi.json schema leaves
// undeclared: every key of every object in the answer is a property of the schema at that place.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ELECTION_FIXTURES } from '../helpers/elections.js';
import { clock, cli, tempDir } from '../helpers/index.js';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
};

/** The paths (array indexes as *) of object keys in `value` that `schema` does not declare. */
function undeclared(doc: Doc, schema: Schema, value: unknown): string[] {
  const out = new Set<string>();
  const resolve = (s: Schema | undefined): Schema | undefined => {
    while (s?.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
    return s;
  };
  const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v);
  const fits = (s: Schema, v: unknown) => {
    const types = [s.type ?? (s.properties ? 'object' : undefined)].flat().map((t) => (t === 'integer' ? 'number' : t));
    return types.includes(kindOf(v));
  };
  const walk = (raw: Schema | undefined, v: unknown, path: string): void => {
    const s = resolve(raw);
    if (!s || v === null || v === undefined) return;
    const alts = s.anyOf ?? s.oneOf;
    if (alts)
      return walk(
        alts.map(resolve).find((a) => a && fits(a, v)),
        v,
        path,
      );
    if (s.allOf) return walk({ type: 'object', properties: Object.assign({}, ...s.allOf.map((x) => resolve(x)?.properties ?? {})) }, v, path);
    if (Array.isArray(v)) return v.forEach((x, i) => walk(s.prefixItems?.[i] ?? s.items, x, `${path}/*`));
    if (typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (s.properties && k in s.properties) walk(s.properties[k], x, `${path}/${k}`);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties).length > 0)
        walk(s.additionalProperties, x, `${path}/${k}`);
      else out.add(`${path}/${k}`);
    }
  };
  walk(schema, value, '');
  return [...out];
}

describe('elections answers against their OpenAPI schemas', () => {
  const t = tempDir();
  const db = join(t.dir, 'el.duckdb');
  let store: Store;
  let app: ReturnType<typeof createApp>;
  let doc: Doc;
  beforeAll(async () => {
    const r = await cli(['elections', 'import', ...ELECTION_FIXTURES, '--json', '--db', db]);
    expect([0, 3]).toContain(r.code);
    store = await openStore(db);
    app = createApp({ store, clock, dbPath: db });
    doc = (await (await app.request('/openapi.json')).json()) as Doc;
  }, 120_000);
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  const schemaOf = (path: string) => doc.paths[path]!.get!.responses['200']!.content!['application/json']!.schema;
  const CASES: [string, string][] = [
    ['/api/elections', '/api/elections'],
    ['/api/elections/{id}/summary', '/api/elections/duma-2021/summary'],
    ['/api/elections/{id}/summary', '/api/elections/duma-2021/summary?region=Moscow&by=district'],
    ['/api/elections/{id}/summary', '/api/elections/duma-2016/summary?by=region'],
    ['/api/elections/{id}/electronic', '/api/elections/duma-2021/electronic'],
    ['/api/elections/{id}/electronic', '/api/elections/duma-2021/electronic?series=true'],
    ['/api/elections/{id}/fingerprints', '/api/elections/duma-2021/fingerprints?reps=20'],
    ['/api/elections/{id}/fingerprints', '/api/elections/duma-2016/fingerprints?reps=0'],
  ];
  it.each(CASES)('%s (%s) declares every field it returns', async (template, url) => {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    expect(undeclared(doc, schemaOf(template), await res.json())).toEqual([]);
  });
});
