import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../cli/exit-codes.js';
import { toProblem } from '../../server/problem.js';
import { shardsDown } from './context.js';
import { parseStoreUrl, type ClickHouseTarget } from './url.js';

const t = parseStoreUrl('clickhouse://127.0.0.1:18400/kill1?cluster=splinternet') as ClickHouseTarget;
const down = [{ shard: 2, host: '127.0.0.1', port: 18401, error: 'connect ECONNREFUSED 127.0.0.1:18401' }];

describe('a shard that does not answer', () => {
  it('is one error whether the store is being opened or a request on an open store fails: exit 2, HTTP 503, naming the shard', () => {
    const opening = shardsDown(t, down);
    // the open store's request failed with ClickHouse's own exception (kept as the cause, not in the message)
    const cause = new Error('Code: 279, e.displayText() = DB::NetException: All connection tries failed. Log: (in: SELECT ...)');
    const serving = shardsDown(t, down, cause);
    for (const e of [opening, serving]) {
      expect(e.code).toBe('STORE_UNREACHABLE');
      expect(exitCodeFor(e.code)).toBe(2);
      expect(e.message).toMatch(
        /^store URL: shard 2 \(127\.0\.0\.1:18401: connect ECONNREFUSED 127\.0\.0\.1:18401\) of cluster "splinternet" does not answer over HTTP/,
      );
      expect(e.message).not.toContain('DB::NetException');
    }
    // the request did not complete, and is marked so: an op that writes adds what its writes keep (src/op/after-failure.ts)
    expect(serving.message).toMatch(/; this request did not complete$/);
    expect(serving.details.incomplete).toBe(true);
    expect(serving.message).not.toMatch(/nothing|import|rerun/);
    expect(opening.message).not.toMatch(/this request/);
    expect(serving.cause).toBe(cause);
    expect(toProblem(serving).status).toBe(503);
  });
});
