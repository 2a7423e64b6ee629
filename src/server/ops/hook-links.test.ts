// A webhook notice queued by hooks.deliver through a server links to the event as a watch's
// notice does: `links` is built from the server's own URL, not left null (SYNTHETIC draft; the
// receiver URL refuses connections, as only the stored body is read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createToken } from '../../ledger/index.js';
import { clock, sampleEvent, tempStore } from '../../../test/helpers/index.js';
import { createApp } from '../app.js';

let t: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => (t = await tempStore()));
afterAll(() => t.cleanup());

describe('hooks.deliver through a server', () => {
  it('queues notices whose links name this server', async () => {
    const origin = 'http://127.0.0.1:8863';
    const app = createApp({ store: t.store, clock, dbPath: t.path, origin: () => origin });
    const { token } = await createToken({ store: t.store, clock }, 'admin', { scopes: ['admin'], createdBy: 'test' });
    const post = (name: string, body: unknown) =>
      app.request(`/api/_ops/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('hooks.add', { url: 'http://127.0.0.1:1/refused' })).status).toBe(200);
    await createEvent({ store: t.store, clock }, sampleEvent({ id: 'link-1', status: 'draft' }), { actor: 'tester' });
    expect((await post('hooks.deliver', { timeout_ms: 1000 })).status).toBe(200);
    const [d] = await t.store.watch.listDeliveries({ limit: 10 });
    expect((JSON.parse(d!.body) as { links: unknown }).links).toEqual({
      page: `${origin}/events/link-1`,
      api: `${origin}/api/events/link-1`,
    });
  });
});
