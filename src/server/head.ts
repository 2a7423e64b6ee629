/**
 * HEAD as GET without the body. The app answers a HEAD by running the GET (so the response cache,
 * ETag, Cache-Control and every security header apply as they do for GET) and sends the same
 * status and header fields with no body (RFC 9110 §9.3.2), under the node adapter too (whose
 * response, rebuilt for a HEAD, kept only the headers it was created with).
 */
type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/** `fetch` with HEAD requests answered from the GET of the same URL and headers, body dropped. */
export function headAsGet<F extends Fetch>(fetch: F): F {
  const wrapped = async (request: Request, ...rest: never[]): Promise<Response> => {
    if (request.method !== 'HEAD') return fetch(request, ...rest);
    const res = await fetch(new Request(request, { method: 'GET' }), ...rest);
    // read before the body: the node adapter's response rebuilds itself from its first headers when its body is read
    const init = { status: res.status, headers: new Headers(res.headers) };
    await res.body?.cancel();
    return new Response(null, init);
  };
  return wrapped as F;
}
