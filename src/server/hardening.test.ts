import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { allowedHostsFor, canonicalHost } from './hardening.js';
import { clock, tempStore } from '../../test/helpers/index.js';

describe('the Host allow-list', () => {
  it('a trailing dot is dropped from every name, as from an address: localhost. is localhost, 127.0.0.1. is 127.0.0.1', () => {
    expect(['localhost.', 'LOCALHOST.:8787', '127.0.0.1.', '127.0.0.1.:8787', 'news.example.', '[::1]:8787'].map(canonicalHost)).toEqual([
      'localhost',
      'localhost:8787',
      '127.0.0.1',
      '127.0.0.1:8787',
      'news.example',
      '[::1]:8787',
    ]);
    // more than one dot, or nothing but dots, is no host name
    expect(['localhost..', '.', 'a b', 'x@localhost'].map(canonicalHost)).toEqual([null, null, null, null]);
  });

  it('the names a server answers to are written the same way: --host and --allow-host with a trailing dot or in another spelling', () => {
    expect(allowedHostsFor('Box.Example.', ['News.Example.'])).toEqual(['localhost', '127.0.0.1', '[::1]', 'box.example', 'news.example']);
    expect(allowedHostsFor('127.1')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostsFor('0x0')).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostsFor('0:0::0')).toEqual(['localhost', '127.0.0.1', '[::1]']);
  });

  it('hostGuard answers a loopback name with its trailing dot as it answers the name (the header as canonicalHost gives it)', async () => {
    const t = await tempStore();
    try {
      const app = createApp({ store: t.store, clock, dbPath: ':memory:', allowedHosts: allowedHostsFor('127.0.0.1', ['news.example.']) });
      for (const raw of ['localhost.', '127.0.0.1.', 'news.example.', 'news.example', 'evil.example.']) {
        const host = canonicalHost(raw)!;
        const r = await app.request(`http://${host}/healthz`);
        expect([raw, r.status]).toEqual([raw, raw.startsWith('evil') ? 403 : 200]);
      }
    } finally {
      await t.cleanup();
    }
  });
});
