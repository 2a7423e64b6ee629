/**
 * TEST DOUBLE: a small S3-compatible HTTP server for `ooni sync` tests, written against the S3
 * API reference (ListObjectsV2: GET /{bucket}?list-type=2, GetObject, HeadObject, error XML).
 * Path-style addressing only, anonymous, bound to 127.0.0.1 on a free port. It holds objects in
 * memory and can inject the faults a real bucket shows: listings cut into pages (continuation
 * tokens), a body that dies mid-transfer, multipart-style ETags, access denied, a listing that
 * is not XML, and a scripted answer per GET (a test decides when each transfer goes on or dies). s3rver (the usual choice) is unmaintained since 2021 with vulnerable dependencies,
 * so it is not used.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';

export interface S3DoubleOptions {
  bucket: string;
  objects: Map<string, Buffer>;
  /** Keys per listing page, whatever max-keys the client asks (forces continuation tokens). */
  pageSize?: number;
}

export interface S3Double {
  url: string;
  /** Keys whose next N GETs send headers and half the body, then reset the connection. */
  failMidDownload: Map<string, number>;
  /** Keys whose GETs send headers and half the body, then hang until the server closes. */
  stall: Set<string>;
  /** Keys served with a multipart-style ETag ("<hex>-2"), which is not the body's MD5. */
  multipartEtag: Set<string>;
  /** Per key, how the next GETs answer (one entry each, in order): headers are sent, the entry sends the body or not. */
  script: Map<string, ((res: ServerResponse, body: Buffer) => void)[]>;
  mode: 'ok' | 'access_denied' | 'not_xml';
  requests: { method: string; path: string; query: Record<string, string> }[];
  close: () => Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const LAST_MODIFIED = new Date('2024-01-02T03:04:05.000Z');

function errorXml(res: ServerResponse, status: number, code: string, message: string, resource: string) {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><Resource>${xmlEscape(resource)}</Resource><RequestId>double</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startS3Double(opts: S3DoubleOptions): Promise<S3Double> {
  const pageSize = opts.pageSize ?? 1000;
  const state: Omit<S3Double, 'url' | 'close'> = {
    failMidDownload: new Map(),
    stall: new Set(),
    multipartEtag: new Set(),
    script: new Map(),
    mode: 'ok',
    requests: [],
  };
  const etag = (key: string, body: Buffer) => (state.multipartEtag.has(key) ? `"${md5(Buffer.from(md5(body), 'hex'))}-2"` : `"${md5(body)}"`);

  const list = (res: ServerResponse, q: Record<string, string>) => {
    if (q['list-type'] !== '2') return errorXml(res, 400, 'InvalidArgument', 'only ListObjectsV2 (list-type=2) is implemented', opts.bucket);
    const prefix = q.prefix ?? '';
    const max = Math.min(Number(q['max-keys'] ?? 1000), pageSize);
    const after = q['continuation-token'] ? Buffer.from(q['continuation-token'], 'base64url').toString('utf8') : (q['start-after'] ?? '');
    const keys = [...opts.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const page = keys.slice(0, max);
    const truncated = keys.length > page.length;
    const contents = page
      .map(
        (k) =>
          `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${LAST_MODIFIED.toISOString()}</LastModified><ETag>${xmlEscape(etag(k, opts.objects.get(k)!))}</ETag><Size>${opts.objects.get(k)!.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      )
      .join('');
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${opts.bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix>` +
      `<KeyCount>${page.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
      (q['continuation-token'] ? `<ContinuationToken>${q['continuation-token']}</ContinuationToken>` : '') +
      (truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1)!).toString('base64url')}</NextContinuationToken>` : '') +
      `${contents}</ListBucketResult>`;
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  };

  const get = (req: IncomingMessage, res: ServerResponse, key: string) => {
    const body = opts.objects.get(key);
    if (!body) return errorXml(res, 404, 'NoSuchKey', 'The specified key does not exist.', key);
    const headers = {
      'content-type': 'application/octet-stream',
      'content-length': body.length,
      etag: etag(key, body),
      'last-modified': LAST_MODIFIED.toUTCString(),
      'accept-ranges': 'bytes',
    };
    if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      return res.end();
    }
    const scripted = state.script.get(key)?.shift();
    if (scripted) {
      res.writeHead(200, headers);
      res.flushHeaders();
      return scripted(res, body);
    }
    if (state.stall.has(key)) {
      res.writeHead(200, headers);
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      return;
    }
    const fails = state.failMidDownload.get(key) ?? 0;
    if (fails > 0) {
      state.failMidDownload.set(key, fails - 1);
      res.writeHead(200, headers);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.socket?.destroy(), 5));
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  };

  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(u.searchParams);
    state.requests.push({ method: req.method ?? 'GET', path: u.pathname, query });
    const [, bucket, ...rest] = u.pathname.split('/');
    if (state.mode === 'access_denied') return errorXml(res, 403, 'AccessDenied', 'Access Denied', u.pathname);
    if (bucket !== opts.bucket) return errorXml(res, 404, 'NoSuchBucket', 'The specified bucket does not exist', bucket ?? '');
    if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) {
      if (state.mode === 'not_xml') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
      }
      return list(res, query);
    }
    get(req, res, decodeURIComponent(rest.join('/')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/${opts.bucket}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Every file under dir, recursively. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? listFiles(join(dir, n)) : [join(dir, n)]));
}

/** The files of a bucket-layout folder (optionally only under `prefix`) as S3 objects keyed by their path. */
export function objectsFrom(root: string, prefix = ''): Map<string, Buffer> {
  return new Map(listFiles(join(root, prefix)).map((f) => [relative(root, f).split('\\').join('/'), readFileSync(f)]));
}
