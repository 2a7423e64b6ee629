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
    expect(() => parseBucketUrl('ftp://host/b')).toThrow(/scheme ftp: is not s3, http or https/);
    expect(() => parseBucketUrl('http://127.0.0.1:9000/')).toThrow(/one path segment, the bucket name/);
    expect(() => parseBucketUrl('http://127.0.0.1:9000/a/b')).toThrow(/one path segment/);
  });

  it('reads s3://BUCKET (the form OONI documents) as the AWS bucket at its region', () => {
    expect(parseBucketUrl('s3://ooni-data-eu-fra')).toEqual({ bucket: 'ooni-data-eu-fra', region: 'eu-central-1', forcePathStyle: false });
    expect(parseBucketUrl('s3://ooni-data-eu-fra/')).toEqual({ bucket: 'ooni-data-eu-fra', region: 'eu-central-1', forcePathStyle: false });
    expect(parseBucketUrl('s3://my-mirror?region=eu-west-1')).toEqual({ bucket: 'my-mirror', region: 'eu-west-1', forcePathStyle: false });
    expect(() => parseBucketUrl('s3://my-mirror')).toThrow(/region of bucket my-mirror is not known here: add it as s3:\/\/my-mirror\?region=REGION/);
    expect(() => parseBucketUrl('s3://ooni-data-eu-fra/raw/20240101')).toThrow(/give the bucket only \(s3:\/\/ooni-data-eu-fra\)/);
    expect(() => parseBucketUrl('s3://my-mirror?region=moon')).toThrow(/not an AWS region name/);
  });
});
