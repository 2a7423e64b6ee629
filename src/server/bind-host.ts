/**
 * What `serve --host` (and `watch --host`) binds, read once: the value as a URL host (WHATWG:
 * a name lower-cased without its trailing dot, an IPv4 address in dotted form whatever way it was
 * written, `127.1`, `0x7f.1` or `2130706433`, an IPv6 address bracketed and compressed), so the
 * address bound, the URL printed and the Host names answered are the same. Whether the server is
 * reachable from other machines is judged by the address it actually listens on, not by the text.
 */
import { isIP } from 'node:net';

export interface BindHost {
  /** What to listen on: a name, an IPv4 address, or an IPv6 address without brackets. */
  listen: string;
  /** The host as a URL and a Host header write it (IPv6 bracketed). */
  host: string;
  /** Every interface (0.0.0.0 or ::). */
  wildcard: boolean;
}

/**
 * A host name or address as a URL writes it: lower case, an IPv4 address dotted, an IPv6 address
 * bracketed, a name's one trailing dot dropped (`localhost.` is `localhost`, as `127.0.0.1.` is
 * `127.0.0.1`); null when the text is no host (empty, a space, a port, a path, user info).
 */
export function urlHost(raw: string): string | null {
  if (raw === '' || /[\s/\\?#@]/.test(raw)) return null;
  const bare = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (isIP(bare) === 6) return new URL(`http://[${bare}]`).hostname;
  if (raw.includes(':') || raw.includes('[')) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${raw}`).hostname;
  } catch {
    return null;
  }
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  return name === '' || name.endsWith('.') ? null : name;
}

/** `--host` as bound and shown; null when the value is no host (refused as a usage error). */
export function bindHost(raw: string): BindHost | null {
  const host = urlHost(raw);
  if (host === null) return null;
  const listen = host.startsWith('[') ? host.slice(1, -1) : host;
  return { listen, host, wildcard: listen === '0.0.0.0' || listen === '::' };
}

/** Whether a listening address (as `server.address()` gives it) is reachable from this machine only. */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  return isIP(address) === 6 && new URL(`http://[${address}]`).hostname === '[::1]';
}

/**
 * The URL a client on this machine reaches the server by: the bound host, or for a wildcard bind
 * the loopback address of its family (a wildcard is no address to connect to).
 */
export function localUrl(bound: BindHost, port: number): string {
  const host = !bound.wildcard ? bound.host : bound.listen === '::' ? '[::1]' : '127.0.0.1';
  return `http://${host}:${port}`;
}
