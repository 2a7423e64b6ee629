/**
 * The header timeout is enforced as stated (design 080, Limits): a client that trickles header
 * lines is cut off within headersTimeoutMs plus the server's connection check interval, not after
 * node's default 30 s check. Runs the node:http server with the options `serve` uses
 * (httpServerOptions), with a 1 s header timeout so the test is short.
 */
import { connect } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, httpServerOptions, limitsOf } from '../../src/server/limits.js';

const limits = limitsOf({ headersTimeoutMs: 1_000 });
let server: Server;
beforeAll(async () => {
  server = createServer(httpServerOptions(limits), (_req, res) => res.end('ok'));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
});
afterAll(() => new Promise((ok) => server.close(ok)));

/** Seconds until the server ends a connection that sends one header line every 200 ms (SYNTHETIC request), at most `maxS`. */
function trickle(maxS: number): Promise<{ seconds: number; answer: string }> {
  return new Promise((resolve) => {
    const s = connect((server.address() as AddressInfo).port, '127.0.0.1');
    const t0 = Date.now();
    let answer = '';
    let i = 0;
    s.on('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
    const tick = setInterval(() => {
      if (!s.destroyed) s.write(`X-a${i++}: b\r\n`);
    }, 200);
    const done = () => {
      clearInterval(tick);
      s.destroy();
      resolve({ seconds: (Date.now() - t0) / 1000, answer });
    };
    s.on('data', (d) => (answer += d.toString()));
    s.on('close', done);
    s.on('error', () => undefined);
    setTimeout(done, maxS * 1000);
  });
}

describe('the header timeout', () => {
  it('a client trickling headers gets 408 within a second or two of the header timeout', async () => {
    const { seconds, answer } = await trickle(10);
    // node's default check (every 30 s) let this client run past 10 s
    expect(seconds).toBeLessThan(limits.headersTimeoutMs / 1000 + 2);
    expect(seconds).toBeGreaterThanOrEqual(limits.headersTimeoutMs / 1000 - 0.1);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it("serve's figures: headers 15 s, checked every second, so a slow client is cut off by 16 s", () => {
    expect(DEFAULT_LIMITS.headersTimeoutMs).toBe(15_000);
    expect(DEFAULT_LIMITS.connectionsCheckingIntervalMs).toBe(1_000);
    expect(httpServerOptions(DEFAULT_LIMITS)).toMatchObject({ headersTimeout: 15_000, connectionsCheckingInterval: 1_000 });
  });
});
