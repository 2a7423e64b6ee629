import { describe, expect, it } from 'vitest';
import { bindHost, isLoopbackAddress, localUrl, urlHost } from './bind-host.js';

describe('serve --host', () => {
  it('an empty value, a space, a port, a path or user info is no host (refused, never every interface)', () => {
    for (const raw of ['', ' ', ' 127.0.0.1', '127.0.0.1 ', '127.0.0.1:80', 'a/b', 'x@localhost', '[::1', '.', 'localhost..'])
      expect([raw, bindHost(raw)]).toEqual([raw, null]);
  });

  it('an address is bound and shown in its dotted or compressed form: 127.1 and 0x7f.1 are 127.0.0.1, 0 and 0x0 are 0.0.0.0', () => {
    expect(['127.1', '0x7f.1', '2130706433', '127.0.0.1.', '0', '0x0', '::1', '[::1]', '0:0::0', 'LocalHost.', 'Box.Example'].map(bindHost)).toEqual([
      { listen: '127.0.0.1', host: '127.0.0.1', wildcard: false },
      { listen: '127.0.0.1', host: '127.0.0.1', wildcard: false },
      { listen: '127.0.0.1', host: '127.0.0.1', wildcard: false },
      { listen: '127.0.0.1', host: '127.0.0.1', wildcard: false },
      { listen: '0.0.0.0', host: '0.0.0.0', wildcard: true },
      { listen: '0.0.0.0', host: '0.0.0.0', wildcard: true },
      { listen: '::1', host: '[::1]', wildcard: false },
      { listen: '::1', host: '[::1]', wildcard: false },
      { listen: '::', host: '[::]', wildcard: true },
      { listen: 'localhost', host: 'localhost', wildcard: false },
      { listen: 'box.example', host: 'box.example', wildcard: false },
    ]);
    expect(urlHost('127.0.0.1.')).toBe('127.0.0.1');
  });

  it('the URL printed is one a client can use: the bound host, or loopback for a wildcard bind', () => {
    expect([bindHost('127.1')!, bindHost('0')!, bindHost('::')!, bindHost('::1')!, bindHost('localhost')!].map((b) => localUrl(b, 8787))).toEqual([
      'http://127.0.0.1:8787',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
      'http://[::1]:8787',
      'http://localhost:8787',
    ]);
  });

  it('loopback is judged by the address listened on: 127/8 and ::1 (also IPv4-mapped), never a wildcard or another address', () => {
    expect(['127.0.0.1', '127.5.6.7', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'].map(isLoopbackAddress)).toEqual([true, true, true, true, true]);
    expect(['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1'].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
