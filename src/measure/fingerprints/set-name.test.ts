// `fingerprints import` of OONI's DNS/HTTP file under another name replaces OONI's set.
// Real data: the first 50 lines of the shipped DNS and HTTP CSVs, as a "newer" file would be.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFingerprintFile, setFor } from './index.js';

const dir = join(import.meta.dirname, '../../../data/ooni/fingerprints');
const head = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').slice(0, 50).join('\n');

describe('the set an imported file replaces', () => {
  it('an OONI DNS CSV under another name replaces ooni-dns', () => {
    const { items } = parseFingerprintFile(head('fingerprints_dns.csv'), 'fingerprints_dns-2026-12.csv', 'fingerprints_dns-2026-12');
    expect(setFor('fingerprints_dns-2026-12', items, 'fingerprints_dns-2026-12.csv')).toBe('ooni-dns');
  });
  it('an OONI HTTP CSV under another name replaces ooni-http', () => {
    const { items } = parseFingerprintFile(head('fingerprints_http.csv'), 'fp_http.csv', 'fp_http');
    expect(setFor('fp_http', items, 'fp_http.csv')).toBe('ooni-http');
  });
  it('Censored Planet files keep their set', () => {
    const { items } = parseFingerprintFile(head('censoredplanet_blockpage_signatures.jsonl'), 'censoredplanet_blockpage_signatures.jsonl', 'cp-blockpage');
    expect(setFor('cp-blockpage', items, 'censoredplanet_blockpage_signatures.jsonl')).toBe('cp-blockpage');
  });
  it('our own false positives under another name keep it', () => {
    const { items } = parseFingerprintFile(head('splinternet_false_positives.jsonl'), 'my-fp.jsonl', 'my-fp');
    expect(setFor('my-fp', items, 'my-fp.jsonl')).toBe('my-fp');
  });
});
