/**
 * OONI's raw bucket through @aws-sdk/client-s3: anonymous (requests are not signed), any
 * S3-compatible endpoint (path-style for local servers), and one place where the SDK's errors
 * become reasons a user can act on. Listing failures (unreachable, access denied, an answer
 * that is not an S3 listing) are usage errors naming the URL and the reason.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Bucket } from '../measure/index.js';
import { AppError } from '../shared/index.js';

/** OONI's public measurement bucket (Frankfurt). */
export const OONI_BUCKET_URL = 'https://ooni-data-eu-fra.s3.eu-central-1.amazonaws.com';

export interface BucketLocation {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
}

const bad = (url: string, reason: string) =>
  new AppError('VALIDATION', `bucket URL ${url}: ${reason}`, { issues: [{ path: ['bucket_url'], message: reason }], details: { url, reason } });

/** Regions of OONI's public buckets, so `s3://NAME` needs no `?region=`. */
const KNOWN_REGIONS: Record<string, string> = { 'ooni-data-eu-fra': 'eu-central-1', 'ooni-data': 'us-east-1' };

/** s3://BUCKET[?region=R]: an AWS bucket by name (the form OONI's documentation uses), at its region. */
function s3Url(url: string, u: URL): BucketLocation {
  const bucket = u.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw bad(url, 'expected s3://BUCKET (an S3 bucket name), e.g. s3://ooni-data-eu-fra');
  if (u.pathname !== '' && u.pathname !== '/')
    throw bad(url, `give the bucket only (s3://${bucket}); the raw/ prefix and the hours are chosen by --since/--until, --cc and --test`);
  const region = u.searchParams.get('region') ?? KNOWN_REGIONS[bucket];
  if (!region) throw bad(url, `the region of bucket ${bucket} is not known here: add it as s3://${bucket}?region=REGION (e.g. eu-central-1)`);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw bad(url, `region "${region}" is not an AWS region name like eu-central-1`);
  return { bucket, region, forcePathStyle: false };
}

/**
 * s3://BUCKET[?region=R] (AWS, by name), https://BUCKET.s3[.-]REGION.amazonaws.com (virtual-hosted AWS), https://s3.REGION.amazonaws.com/BUCKET,
 * or http(s)://HOST[:PORT]/BUCKET for any other S3-compatible server (path-style).
 */
export function parseBucketUrl(url: string): BucketLocation {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw bad(url, 'not a URL (expected https://BUCKET.s3.REGION.amazonaws.com or http://HOST:PORT/BUCKET)');
  }
  if (u.protocol === 's3:') return s3Url(url, u);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw bad(url, `scheme ${u.protocol} is not s3, http or https`);
  const segs = u.pathname.split('/').filter(Boolean);
  const virtual = /^(.+)\.s3(?:[.-]([a-z0-9-]+))?\.amazonaws\.com$/.exec(u.hostname);
  if (virtual && segs.length === 0) return { bucket: virtual[1]!, region: virtual[2] ?? 'us-east-1', forcePathStyle: false };
  if (segs.length !== 1) throw bad(url, 'expected exactly one path segment, the bucket name (or a virtual-hosted AWS bucket URL)');
  const aws = /^s3[.-]([a-z0-9-]+)\.amazonaws\.com$/.exec(u.hostname);
  return { bucket: decodeURIComponent(segs[0]!), region: aws?.[1] ?? 'us-east-1', endpoint: u.origin, forcePathStyle: true };
}

type SdkError = Error & { $metadata?: { httpStatusCode?: number }; Code?: string; code?: string; $response?: { headers?: Record<string, string> } };

/** Why a listing failed, in words. */
export function listingReason(e: unknown): string {
  const err = e as SdkError;
  const status = err.$metadata?.httpStatusCode;
  const net = err.code ?? (err.cause as { code?: string } | undefined)?.code;
  if (net && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(net)) return `unreachable (${net}: ${err.message})`;
  if (err.name === 'TimeoutError' || err.name === 'RequestTimeout') return `unreachable (timed out: ${err.message})`;
  if (status === 403 || err.name === 'AccessDenied') return `access denied (HTTP ${status ?? 403} ${err.name}: ${err.message})`;
  if (err.name === 'NoSuchBucket') return `no such bucket (HTTP ${status ?? 404}: ${err.message})`;
  const type = err.$response?.headers?.['content-type'];
  if (status !== undefined && status >= 200 && status < 300)
    return `the answer is not an S3 listing (HTTP ${status}${type ? `, content-type ${type}` : ''}: ${err.message})`;
  if (status !== undefined) return `HTTP ${status} ${err.name}: ${err.message}`;
  return `${err.name}: ${err.message}`;
}

/** The SDK is loaded on first use: it costs every other command a fifth of a second to start. */
const loadSdk = () => import('@aws-sdk/client-s3');

export function s3Bucket(url: string): Bucket {
  const loc = parseBucketUrl(url);
  // The SDK warns on Node < 22 about releases after January 2027; the version here is pinned.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let made: Promise<{ client: S3Client; sdk: Awaited<ReturnType<typeof loadSdk>> }> | undefined;
  const sdkClient = () => (made ??= loadSdk().then((sdk) => ({ sdk, client: newClient(sdk, loc) })));
  const where = (prefix: string) => `${url.replace(/\/$/, '')}/?list-type=2&prefix=${prefix}`;
  return {
    url,
    async list(prefix, token) {
      const { sdk, client } = await sdkClient();
      let out;
      try {
        out = await client.send(new sdk.ListObjectsV2Command({ Bucket: loc.bucket, Prefix: prefix, ContinuationToken: token }));
      } catch (e) {
        const reason = listingReason(e);
        throw new AppError('VALIDATION', `cannot list ${where(prefix)}: ${reason}`, {
          issues: [{ path: ['bucket_url'], message: reason }],
          details: { url: where(prefix), reason },
          cause: e,
        });
      }
      // an S3 listing always names its bucket; anything else (an HTML page, a JSON API) does not
      if (out.Name === undefined || out.IsTruncated === undefined) {
        const reason = 'the answer is not an S3 listing (no ListBucketResult)';
        throw new AppError('VALIDATION', `cannot list ${where(prefix)}: ${reason}`, {
          issues: [{ path: ['bucket_url'], message: reason }],
          details: { url: where(prefix), reason },
        });
      }
      const objects = (out.Contents ?? []).map((o) => ({ key: o.Key ?? '', size: o.Size ?? 0, etag: (o.ETag ?? '').replace(/"/g, '') }));
      return { objects, next: out.IsTruncated ? out.NextContinuationToken : undefined };
    },
    async get(key) {
      const { sdk, client } = await sdkClient();
      const out = await client.send(new sdk.GetObjectCommand({ Bucket: loc.bucket, Key: key }));
      if (!out.Body) throw new Error(`GET ${key}: empty answer`);
      return out.Body as AsyncIterable<Uint8Array>;
    },
  };
}

function newClient(sdk: Awaited<ReturnType<typeof loadSdk>>, loc: BucketLocation): S3Client {
  return new sdk.S3Client({
    region: loc.region,
    endpoint: loc.endpoint,
    forcePathStyle: loc.forcePathStyle,
    // anonymous: the public bucket needs no credentials and requests go out unsigned
    credentials: { accessKeyId: '', secretAccessKey: '' },
    signer: { sign: (request) => Promise.resolve(request) },
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
