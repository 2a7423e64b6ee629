// The facebook_messenger rules' copy of AS32934 equals the rows of the installed IP-to-AS table.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACEBOOK_ASN, FACEBOOK_RANGES, inFacebookAs } from './facebook-as.js';

const dir = dirname(createRequire(import.meta.url).resolve('@ip-location-db/asn/package.json'));
const rows = (f: string) =>
  readFileSync(join(dir, f), 'utf8')
    .split('\n')
    .map((l) => l.split(','))
    .filter((c) => c[2] === String(FACEBOOK_ASN))
    .map((c) => [c[0], c[1]]);

describe('Facebook address space', () => {
  it('is the AS32934 rows of the installed table', () => {
    expect(FACEBOOK_RANGES).toEqual([...rows('asn-ipv4.csv'), ...rows('asn-ipv6.csv')]);
  });
  it('places real answers', () => {
    expect(inFacebookAs('157.240.194.35')).toBe(true); // RU 2020 b-graph.facebook.com
    expect(inFacebookAs('31.13.86.4')).toBe(true);
    expect(inFacebookAs('2a03:2880:f10c:83:face:b00c:0:25de')).toBe(true);
    expect(inFacebookAs('95.213.4.1')).toBe(false);
    expect(inFacebookAs('0.0.0.0')).toBe(false);
    expect(inFacebookAs('star-mini.c10r.facebook.com')).toBe(false);
  });
});
