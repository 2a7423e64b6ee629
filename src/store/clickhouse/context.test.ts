import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../cli/exit-codes.js';
import { toProblem } from '../../server/problem.js';
import { shardsDown, tcpOpen } from './context.js';
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
        /^ClickHouse: shard 2 \(127\.0\.0\.1:18401: connect ECONNREFUSED 127\.0\.0\.1:18401\) of cluster "splinternet" does not answer/,
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

  it('is blamed on the URL only where it may be at fault; a stopped server is named as one, with how to start it again', () => {
    // SYNTHETIC ping results on the clickhouse up layout (HTTP 18401 = native 19278 - 877)
    const stopped = shardsDown(t, [{ ...down[0]!, nativeOpen: false }]);
    expect(stopped.message).toMatch(
      /^ClickHouse: shard 2 \(127\.0\.0\.1:18401: connect ECONNREFUSED 127\.0\.0\.1:18401\) of cluster "splinternet" does not answer: its server is stopped or hung/,
    );
    expect(stopped.message).toContain('`splinternet clickhouse up --dir DIR`');
    expect(stopped.message).not.toMatch(/store URL|shard_http/);
    const hung = shardsDown(t, [{ shard: 2, host: '127.0.0.1', port: 18401, error: 'The user aborted a request.' }]);
    expect(hung.message).toMatch(
      /^ClickHouse: shard 2 \(127\.0\.0\.1:18401: no answer within 4 s\) of cluster "splinternet" does not answer: its server is stopped or hung/,
    );
    // the native port answers where HTTP refuses: the layout the URL relies on is wrong
    const layout = shardsDown(t, [{ ...down[0]!, nativeOpen: true }]);
    expect(layout.message).toMatch(
      /^store URL: shard 2 .* does not answer over HTTP though its native port does \(expected at the native port - 877; list them with &shard_http=HOST:PORT,\.\.\.\)$/,
    );
    // an endpoint the URL lists itself
    const listed = shardsDown(
      parseStoreUrl('clickhouse://127.0.0.1:18400/kill1?cluster=splinternet&shard_http=127.0.0.1:18400,127.0.0.1:18401') as ClickHouseTarget,
      down,
    );
    expect(listed.message).toMatch(/^store URL: shard 2 .* does not answer over HTTP \(check that server and its shard_http entry\)$/);
    for (const e of [stopped, hung, layout, listed]) expect(exitCodeFor(e.code)).toBe(2);
  });

  it('a native port is probed by a TCP connection: open where a server listens, closed where none does', async () => {
    const { createServer } = await import('node:net');
    const srv = createServer((s) => s.destroy());
    await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
    const port = (srv.address() as { port: number }).port;
    expect(await tcpOpen(`127.0.0.1:${port}`)).toBe(true);
    await new Promise((ok) => srv.close(ok));
    expect(await tcpOpen(`127.0.0.1:${port}`)).toBe(false);
  });
});
