import { describe, expect, it } from 'vitest';
import { OONI_BUCKET_URL, parseBucketUrl } from './ooni-bucket.js';

describe('parseBucketUrl', () => {
  it('reads virtual-hosted and path-style AWS URLs and local S3 servers', () => {
    expect(parseBucketUrl(OONI_BUCKET_URL)).toEqual({ bucket: 'ooni-data-eu-fra', region: 'eu-central-1', forcePathStyle: false });
    expect(parseBucketUrl('https://s3.eu-central-1.amazonaws.com/ooni-data-eu-fra')).toMatchObject({
      bucket: 'ooni-data-eu-fra',
      region: 'eu-central-1',
      forcePathStyle: true,
    });
    expect(parseBucketUrl('http://127.0.0.1:9000/ooni/')).toEqual({
      bucket: 'ooni',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
  });
  it('names what is wrong with a bad URL', () => {
    expect(() => parseBucketUrl('not a url')).toThrow(/not a URL/);
    expect(() => parseBucketUrl('http://127.0.0.1:9000/')).toThrow(/one path segment, the bucket name/);
    expect(() => parseBucketUrl('http://127.0.0.1:9000/a/b')).toThrow(/one path segment/);
  });
});
