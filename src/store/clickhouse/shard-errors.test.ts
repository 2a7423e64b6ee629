// ClickHouse's own error texts below are real: 18.16's answers to an insert and to a read through
// the Distributed table while shard 2 of a two-shard local cluster (native ports 19777/19778) was
// being stopped mid-ingest.
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../cli/exit-codes.js';
import { AppError } from '../../shared/index.js';
import { shardFailed } from './shard-errors.js';
import { parseStoreUrl, type ClickHouseTarget } from './url.js';

const t = parseStoreUrl('clickhouse://127.0.0.1:18900/qa6?cluster=splinternet') as ClickHouseTarget;
const shards = [
  { shard: 1, host: '127.0.0.1', port: 18900, native: '127.0.0.1:19777' },
  { shard: 2, host: '127.0.0.1', port: 18901, native: '127.0.0.1:19778' },
];
/** The error ChNode gives for a failed request: its first line, the node it went to, the full text as the cause. */
const failed = (text: string, what: string) =>
  new AppError('STORE', `ClickHouse at 127.0.0.1:18900: ${text.split('\n')[0]} (in: ${what})`, { cause: new Error(text) });

const INSERT =
  'Code: 210, e.displayText() = DB::NetException: Connection reset by peer, while reading from socket (127.0.0.1:19778): while receiving packet from 127.0.0.1:19778: Insertion status:\n' +
  'Wrote 1 blocks and 2 rows on shard 0 replica 0, 127.0.0.1:19777 (average 0 ms per block)\n' +
  'Wrote 0 blocks and 0 rows on shard 1 replica 0, 127.0.0.1:19778 (average 0 ms per block)\n' +
  ', e.what() = DB::NetException\n';
const READ =
  'Code: 279, e.displayText() = DB::NetException: All connection tries failed. Log: \n\n' +
  'Code: 210, e.displayText() = DB::NetException: Connection reset by peer, while reading from socket (127.0.0.1:19778), e.what() = DB::NetException\n' +
  'Code: 210, e.displayText() = DB::NetException: Connection reset by peer, while reading from socket (127.0.0.1:19778), e.what() = DB::NetException\n\n' +
  ', e.what() = DB::NetException\n';

describe('a shard failing in the middle of a request', () => {
  it("is named by the native address in ClickHouse's text, not by the node that reported it", () => {
    for (const [text, what] of [
      [INSERT, 'INSERT INTO qa6.ingest_files (3 rows)'],
      [READ, "SELECT id FROM qa5.measurements WHERE id IN ('20200130164734_IT_tor_d41300b3fccbf223')"],
    ]) {
      const e = shardFailed(t, shards, failed(text!, what!))!;
      expect(e.code).toBe('STORE');
      expect(exitCodeFor(e.code)).toBe(1);
      expect(e.message).toMatch(
        /^ClickHouse: shard 2 \(127\.0\.0\.1:18901, native 127\.0\.0\.1:19778\) of cluster "splinternet" failed during the request \(reported by 127\.0\.0\.1:18900: Code: 2/,
      );
      expect(e.message).not.toContain('shard 1 (');
      expect(e.message).toMatch(/; this request did not complete$/);
      expect(e.details.incomplete).toBe(true);
    }
  });

  it('gives nothing when the text names no shard (the error stays as it was)', () => {
    expect(shardFailed(t, shards, failed('Code: 60, e.displayText() = DB::Exception: Table qa6.x does not exist', 'SELECT 1'))).toBeNull();
  });
});
