/**
 * A typed view over the parts of test_keys the rules read (df-001 httpt, df-002 dnst, df-005
 * tcpconnect, df-006 tlshandshake, plus web_connectivity's control). Anything missing or oddly
 * shaped is simply absent here: rules decide what absence means, and validity (fields.ts) turns
 * a wrongly typed field into an `invalid` verdict before any rule reads it.
 *
 * web_connectivity >= 0.5 tags every observation: `depth=N` (the redirect hop it belongs to),
 * `classic` (the path a browser would have taken: system resolver, its answers, the fetch), and
 * `fetch_body=true|false` (whether the body was fetched over it). `Tagged` carries them; null
 * where a probe wrote no tags (older versions: everything is one hop, all of it "classic").
 */
import type { Json } from '../reader/parse.js';

export interface Tagged {
  /** Redirect hop (0 = the input URL); null when untagged. */
  depth: number | null;
  /** On the browser-like path (`classic` tag); true when untagged. */
  classic: boolean;
  /** `fetch_body` tag; null when absent. */
  fetchBody: boolean | null;
}

/** Read a df-00x `tags` list. */
export function tagsOf(v: unknown): Tagged {
  const tags = Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  if (!tags.length) return { depth: null, classic: true, fetchBody: null };
  let depth: number | null = null;
  let fetchBody: boolean | null = null;
  for (const t of tags) {
    if (t.startsWith('depth=')) depth = Number.parseInt(t.slice(6), 10);
    else if (t === 'fetch_body=true') fetchBody = true;
    else if (t === 'fetch_body=false') fetchBody = false;
  }
  return { depth: depth !== null && Number.isFinite(depth) ? depth : null, classic: tags.includes('classic'), fetchBody };
}

export interface DnsAnswer {
  value: string;
  type: string;
  asn: number | null;
  where: string;
}
export interface DnsQuery extends Tagged {
  hostname: string | null;
  engine: string | null;
  failure: string | null;
  answers: DnsAnswer[];
  where: string;
}
export interface TcpResult extends Tagged {
  ip: string;
  port: number | null;
  success: boolean;
  failure: string | null;
  where: string;
}
export interface TlsResult extends Tagged {
  address: string | null;
  serverName: string | null;
  failure: string | null;
  noTlsVerify: boolean;
  where: string;
}
/**
 * What the rules know of a body too large to keep in the stored rule inputs (rule-inputs.ts):
 * its length in UTF-16 code units (String#length of the decoded body), its <title>, the OONI
 * body fingerprints it matched when it was ingested, and the Censored Planet signatures it
 * matched if the rules searched for them then (null: they did not), by key (`source/name`).
 * Only the store's rule inputs produce it; a raw line never does.
 */
export class BodyFacts {
  constructor(
    readonly length: number,
    readonly title: string | null,
    readonly fingerprints: readonly string[],
    readonly signatures: readonly string[] | null,
  ) {}
}

export interface HttpResult extends Tagged {
  /** Position in the list the result was read from (test_keys.requests[index]). */
  index: number;
  url: string | null;
  /** response.body_is_truncated: the probe stopped reading at its size limit. */
  truncated: boolean;
  /** The Location header, decoded when the probe stored it as {format: base64} (non-UTF-8 bytes). */
  location: string | null;
  failure: string | null;
  status: number | null;
  body: string | null;
  /** Set instead of `body` when only the body's facts were kept (rescoring from the store). */
  facts: BodyFacts | null;
  /** body.length, or the kept facts' length; 0 without a body. */
  bodyLength: number;
  /** the body was {format: base64} but not valid base64 */
  badBase64: boolean;
  headers: Record<string, string>;
  where: string;
}

export const asObj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
export const asArr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asStr = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** A scalar as text ('' for null, objects and arrays): for values read from untrusted JSON. */
export const scalar = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';

export function dnsQueries(tk: Json, key = 'queries'): DnsQuery[] {
  return asArr(tk[key]).flatMap((q, i) => {
    const o = asObj(q);
    if (!o) return [];
    const where = `test_keys.${key}[${i}]`;
    const answers = asArr(o.answers).flatMap((a, j) => {
      const ao = asObj(a);
      if (!ao) return [];
      const value = asStr(ao.ipv4) ?? asStr(ao.hostname) ?? asStr(ao.ipv6);
      return value ? [{ value, type: asStr(ao.answer_type) ?? '', asn: typeof ao.asn === 'number' ? ao.asn : null, where: `${where}.answers[${j}]` }] : [];
    });
    return [{ hostname: asStr(o.hostname), engine: asStr(o.engine), failure: asStr(o.failure), answers, where, ...tagsOf(o.tags) }];
  });
}

export function tcpResults(tk: Json): TcpResult[] {
  return asArr(tk.tcp_connect).flatMap((t, i) => {
    const o = asObj(t);
    const st = asObj(o?.status);
    if (!o || !st) return [];
    const failure = asStr(st.failure);
    return [
      {
        ip: scalar(o.ip),
        port: typeof o.port === 'number' ? o.port : null,
        success: st.success === true && !failure,
        failure,
        where: `test_keys.tcp_connect[${i}]`,
        ...tagsOf(o.tags),
      },
    ];
  });
}

export function tlsResults(tk: Json): TlsResult[] {
  return asArr(tk.tls_handshakes).flatMap((t, i) => {
    const o = asObj(t);
    if (!o) return [];
    return [
      {
        address: asStr(o.address),
        serverName: asStr(o.server_name),
        failure: asStr(o.failure),
        noTlsVerify: o.no_tls_verify === true,
        where: `test_keys.tls_handshakes[${i}]`,
        ...tagsOf(o.tags),
      },
    ];
  });
}

/** Decode a df-001 body: a string, or {format: "base64", data}. */
export function decodeBody(b: unknown): { body: string | null; bad: boolean } {
  if (typeof b === 'string') return { body: b, bad: false };
  const o = asObj(b);
  if (o && o.format === 'base64' && typeof o.data === 'string') {
    const data = o.data.replace(/\s+/g, '');
    // strict, like Python's b64decode: alphabet, padding, length a multiple of 4
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) return { body: null, bad: true };
    return { body: Buffer.from(o.data, 'base64').toString('utf8'), bad: false };
  }
  return { body: null, bad: false };
}

export function lowerHeaders(h: unknown, list?: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const o = asObj(h);
  if (o) for (const [k, v] of Object.entries(o)) if (out[k.toLowerCase()] === undefined) out[k.toLowerCase()] = scalar(Array.isArray(v) ? v[0] : v);
  for (const pair of asArr(list)) {
    if (Array.isArray(pair) && typeof pair[0] === 'string' && out[pair[0].toLowerCase()] === undefined) out[pair[0].toLowerCase()] = scalar(pair[1]);
  }
  return out;
}

function locationOf(h: unknown): string | null {
  const o = asObj(h);
  if (!o) return null;
  const v = Object.entries(o).find(([k]) => k.toLowerCase() === 'location')?.[1];
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  return typeof first === 'string' ? first : decodeBody(first).body;
}

const httpCache = new WeakMap<Json, HttpResult[]>();

/** HTTP transactions in the order stored (web_connectivity: newest first); decoded once per measurement. */
export function httpResults(tk: Json, key = 'requests'): HttpResult[] {
  if (key !== 'requests') return decodeHttp(tk, key);
  let out = httpCache.get(tk);
  if (!out) httpCache.set(tk, (out = decodeHttp(tk, key)));
  return out;
}

function decodeHttp(tk: Json, key: string): HttpResult[] {
  return asArr(tk[key]).flatMap((r, i) => {
    const o = asObj(r);
    if (!o) return [];
    const resp = asObj(o.response);
    const req = asObj(o.request);
    const facts = resp?.body instanceof BodyFacts ? resp.body : null;
    const { body, bad } = decodeBody(resp?.body);
    const code = resp?.code;
    return [
      {
        index: i,
        url: asStr(req?.url),
        truncated: resp?.body_is_truncated === true,
        location: locationOf(resp?.headers),
        failure: asStr(o.failure),
        status: typeof code === 'number' && code > 0 ? code : null,
        body,
        facts,
        bodyLength: body?.length ?? facts?.length ?? 0,
        badBase64: bad,
        headers: lowerHeaders(resp?.headers, resp?.headers_list),
        where: `test_keys.${key}[${i}]`,
        ...tagsOf(o.tags),
      },
    ];
  });
}

const TITLE = /<title[^>]*>([^<]*)<\/title>/i;

/** The page's <title> text (trimmed), from the body or its kept facts. */
export const titleOf = (r: Pick<HttpResult, 'body' | 'facts'>): string | null => (r.facts ? r.facts.title : (TITLE.exec(r.body ?? '')?.[1]?.trim() ?? null));

/**
 * The host of an absolute http(s) URL ("https://example.com/x" -> "example.com"), or null when
 * the text is no such URL ("http://", "javascript:alert(1)", "not a url", ""): the URL a
 * web_connectivity measurement names, and the only kind its target is read from.
 */
export function httpUrlHost(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    const u = new URL(url);
    return u.hostname ? u.hostname.replace(/^\[|\]$/g, '').toLowerCase() : null;
  } catch {
    return null;
  }
}

export const hostOf = (url: string | null | undefined): string | null => {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase() || null;
  } catch {
    const m = /^(?:[a-z]+:\/\/)?([^/:?#\s]+)/i.exec(url);
    return m ? m[1]!.toLowerCase() : null;
  }
};
