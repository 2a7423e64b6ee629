// A watch cycle's OONI step names each file that lost lines in its errors, with the first
// rejected line (line, byte offset, reason) and the command that lists them all, as it does for
// signal files. A bucket in memory serving a real bucket-layout file (test/fixtures/ooni/bucket-sample)
// whose second line is cut at 200 bytes (SYNTHETIC damage); the real ingest on a temporary store.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { ingest, type Bucket } from '../measure/index.js';
import { fixedClock, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { ooniStep } from './ooni-step.js';

const KEY = 'raw/20231130/17/IT/webconnectivity/2023113017_IT_webconnectivity.n0.0.jsonl.gz';
const lines = gunzipSync(readFileSync(join(import.meta.dirname, '../../test/fixtures/ooni/bucket-sample', KEY)))
  .toString('utf8')
  .split('\n');
const offset = Buffer.byteLength(lines[0]!) + 1;
const body = gzipSync([lines[0], lines[1]!.slice(0, 200), ...lines.slice(2)].join('\n'));
const bucket: Bucket = {
  url: 'http://127.0.0.1:9/ooni-memory',
  list: (prefix) =>
    Promise.resolve({ objects: KEY.startsWith(prefix) ? [{ key: KEY, size: body.length, etag: createHash('md5').update(body).digest('hex') }] : [] }),
  get: () =>
    Promise.resolve(
      (async function* () {
        yield new Uint8Array(body);
      })(),
    ),
};

let store: Store;
let cleanup: () => Promise<void>;
const t = tempDir();
beforeEach(async () => ({ store, cleanup } = await tempStore()));
afterEach(() => cleanup());
afterAll(() => t.cleanup());

describe('the OONI step of a watch cycle', () => {
  it('names a file with a rejected line: its first reject and the command listing them all', async () => {
    const deps = { store, clock: fixedClock('2023-11-30T18:30:00Z') };
    const r = await ooniStep(
      deps,
      {
        bucket,
        ingest: (paths) => ingest({ ...deps, progress: silentProgress }, { paths, workers: 0 }),
        dest: join(t.dir, 'ooni'),
        tests: ['web_connectivity'],
        firstSince: '2023-11-30T17',
        overlapHours: 2,
        maxHours: 24,
      },
      ['IT'],
      'cycle-test',
    );
    expect(r.rejected).toBe(1);
    const [file] = (await store.measure.rejects({ limit: 10 })) as { file_id: string; path: string }[];
    expect(r.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file!.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 line\\(s\\) rejected \\(first line 2 @${offset} malformed_json: .+\\); all: splinternet measurements files --rejects --file-id ${file!.file_id}$`,
        ),
      ),
    ]);
  });
});
