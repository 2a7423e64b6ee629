/**
 * HTTP hardening that applies to every response: security headers with a Content-Security-Policy
 * the dashboard and /docs run under (scripts only from this server, no inline script, no frames),
 * and a Host allow-list (a DNS-rebinding page cannot reach a local server under its own name).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import type { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../shared/index.js';
import { bindHost, urlHost } from './bind-host.js';
import type { AppDeps, Env } from './deps.js';
import { toProblem } from './problem.js';

export const SECURE_HEADERS: Parameters<typeof secureHeaders>[0] = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Plot and Swagger UI set style attributes; no script is allowed inline.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  xContentTypeOptions: 'nosniff',
  crossOriginResourcePolicy: 'same-origin',
  crossOriginOpenerPolicy: 'same-origin',
  // HSTS only means something over TLS, which this server does not terminate.
  strictTransportSecurity: false,
};

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Host names a server bound to `host` answers to: loopback names, the bound address, and extras,
 * each written as canonicalHost writes a Host header (lower case, no trailing dot, IPv4 dotted).
 */
export function allowedHostsFor(host: string, extra: readonly string[] = []): string[] {
  const bound = bindHost(host);
  const names = [...(bound && !bound.wildcard ? [bound.host] : []), ...extra.map((h) => urlHost(h) ?? h.toLowerCase())];
  return [...new Set([...LOOPBACK_HOSTS, ...names])];
}

/** Refuse a request whose Host is not one this server answers to (403 naming the allowed names). */
export const hostGuard = (deps: AppDeps): MiddlewareHandler<Env> => {
  const allowed = new Set(deps.allowedHosts ?? LOOPBACK_HOSTS);
  return async (c, next) => {
    let host: string;
    try {
      host = new URL(c.req.url).hostname.toLowerCase();
    } catch {
      throw new AppError('FORBIDDEN', 'the request has no valid Host header');
    }
    if (!allowed.has(host)) {
      throw new AppError(
        'FORBIDDEN',
        `this server does not answer to the Host "${host}"; it answers to ${[...allowed].join(', ')} (serve --allow-host NAME adds one)`,
      );
    }
    await next();
  };
};

/**
 * A Host header in the form a URL gives it (WHATWG: the name lower-cased, an IPv4 address in
 * its dotted form, a default port dropped) and a name's trailing dot dropped (`localhost.` is
 * `localhost`, as the URL parser makes `127.0.0.1.` `127.0.0.1`), so the allow-list compares
 * names one way; null when the header is no host[:port] at all.
 */
export function canonicalHost(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(`http://${raw}`);
  } catch {
    return null;
  }
  if (u.username || u.password || u.pathname !== '/' || u.search || u.hash || raw.includes('/')) return null;
  const name = urlHost(u.hostname);
  if (name === null) return null;
  return u.port ? `${name}:${u.port}` : name;
}

/**
 * The node request listener in front of the app: the Host header made canonical before the
 * adapter builds the request URL (it answered an empty 400 to `LOCALHOST` or `127.1`), so
 * hostGuard decides on it; a Host that is no host at all is a 403 problem+json here. A request
 * without a Host header is left as it is (the adapter uses the bound address).
 */
export function canonicalHostListener(listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.headers.host;
    if (raw === undefined) return listener(req, res);
    const host = canonicalHost(raw);
    if (host !== null) {
      req.headers.host = host;
      return listener(req, res);
    }
    const p = toProblem(new AppError('FORBIDDEN', `the Host header ${JSON.stringify(raw)} is not a host name; this server answers to its own names only`));
    res.writeHead(p.status, { 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' });
    res.end(JSON.stringify(p));
  };
}
