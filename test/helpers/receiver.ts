/**
 * A webhook receiver on 127.0.0.1 for tests: records every request (headers, body), answers
 * with whatever `mode` says (ok, 500, slow beyond the sender's timeout), and can be closed and
 * re-opened on the same port to play a receiver that is down and comes back.
 */
import { createServer, type Server } from 'node:http';

export type ReceiverMode = 'ok' | 'fail' | 'slow';

export interface Received {
  headers: Record<string, string>;
  body: string;
  answered: number;
}

export class Receiver {
  readonly got: Received[] = [];
  mode: ReceiverMode = 'ok';
  slowMs = 3000;
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const answered = this.mode === 'fail' ? 500 : 200;
        this.got.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body, answered });
        const reply = () => {
          res.writeHead(answered);
          res.end();
        };
        if (this.mode === 'slow') setTimeout(reply, this.slowMs);
        else reply();
      });
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((r) => s.close(() => r()));
    s?.closeAllConnections();
  }
}
