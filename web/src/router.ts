/**
 * History routing: every page has a real URL (/country/RU, /events/:id, /cost?...) that the
 * server answers with the app. Same-origin link clicks are intercepted and rendered in place;
 * a page receives an AbortSignal so a slow response never paints over the next page. Every
 * route names the query parameters its page takes: an address with any other is refused
 * (naming it) before the page runs, so no page shows another answer than its link asks for.
 * A page whose code cannot be loaded, or that fails outside its own sections (the server gone,
 * an answer that is not JSON), is replaced by one failure display naming the error: never the
 * previous page under the new address, never a blank.
 */
export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  root: HTMLElement;
  signal: AbortSignal;
}

export type Page = (ctx: PageContext) => Promise<void> | void;

/** The query parameters a page takes, or 'page' for a page that refuses the others itself (the calculator). */
export type PageParams = readonly string[] | 'page';

interface Route {
  re: RegExp;
  keys: string[];
  load: () => Promise<Page>;
  params: PageParams;
}

const routes: Route[] = [];

/** Register a route: '/country/:cc' and the query parameters its page takes. `load` may import the page lazily (code splitting). */
export function route(pattern: string, load: () => Promise<Page>, params: PageParams): void {
  const keys: string[] = [];
  const re = new RegExp(
    '^' +
      pattern.replace(/:([a-z_]+)/gi, (_m, k: string) => {
        keys.push(k);
        return '([^/]+)';
      }) +
      '/?$',
  );
  routes.push({ re, keys, load, params });
}

let current: AbortController | null = null;
let notFound: Page = ({ root }) => {
  root.textContent = 'No such page.';
};

export const setNotFound = (p: Page): void => {
  notFound = p;
};

/** What an address with parameters its page does not take shows instead of the page. */
export type Refusal = (ctx: PageContext, accepted: readonly string[]) => void;
let refused: Refusal = ({ root }) => {
  root.textContent = 'This address carries a parameter the page does not take.';
};

export const setRefusal = (r: Refusal): void => {
  refused = r;
};

/** What a page shows when its code could not be loaded (`stage` 'code') or it failed outside its sections ('page'). */
export type Failure = (ctx: PageContext, err: unknown, stage: 'code' | 'page') => void;
let failed: Failure = ({ root }, err) => {
  root.textContent = `This page could not be shown: ${err instanceof Error ? err.message : String(err)}`;
};

export const setFailure = (f: Failure): void => {
  failed = f;
};

export async function render(root: HTMLElement): Promise<void> {
  current?.abort();
  const ctl = new AbortController();
  current = ctl;
  const url = new URL(location.href);
  const match = routes.map((r) => ({ r, m: r.re.exec(url.pathname) })).find((x) => x.m);
  const params: Record<string, string> = {};
  match?.r.keys.forEach((k, i) => (params[k] = decodeURIComponent(match.m?.[i + 1] ?? '')));
  for (const a of document.querySelectorAll<HTMLAnchorElement>('header nav a')) {
    const here = a.getAttribute('href') === url.pathname || (a.getAttribute('href') !== '/' && url.pathname.startsWith(a.getAttribute('href') ?? '~'));
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  root.setAttribute('aria-busy', 'true');
  const ctx = { params, query: url.searchParams, root, signal: ctl.signal };
  let stage: 'code' | 'page' = 'code';
  try {
    const accepted = match?.r.params;
    if (Array.isArray(accepted) && [...url.searchParams.keys()].some((k) => !accepted.includes(k))) {
      root.replaceChildren();
      refused(ctx, accepted);
      return;
    }
    const page = match ? await match.r.load() : notFound;
    if (ctl.signal.aborted) return;
    stage = 'page';
    root.replaceChildren();
    await page(ctx);
  } catch (e) {
    if (ctl.signal.aborted || (e as Error).name === 'AbortError') return;
    root.replaceChildren();
    failed(ctx, e, stage);
  } finally {
    if (current === ctl) root.setAttribute('aria-busy', 'false');
  }
}

/** Navigate to a same-origin URL without reloading. */
export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  const root = document.getElementById('main');
  if (root) {
    void render(root);
    if (!replace) window.scrollTo(0, 0);
  }
}

/** Intercept clicks on same-origin links (HTML and SVG <a>), and back/forward. */
export function start(root: HTMLElement): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest('a');
    const href = a?.getAttribute('href') ?? a?.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
    if (!a || !href || a.hasAttribute('download') || (a.getAttribute('target') ?? '_self') !== '_self') return;
    const url = new URL(href, location.href);
    if (url.origin !== location.origin || /^\/(api|docs|openapi\.json|feeds)\//.test(url.pathname + '/')) return;
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
  window.addEventListener('popstate', () => void render(root));
  void render(root);
}
