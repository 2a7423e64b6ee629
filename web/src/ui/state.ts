/**
 * Explicit states for every block of a page: loading, empty, error and "not available yet"
 * (an API whose issue has not landed). Never a blank page: errors show the server's message.
 */
import { ApiError } from '../api.js';
import { h } from '../dom.js';

export const loading = (what: string) => h('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`);

export const empty = (text: string) => h('p', { class: 'state empty' }, text);

export function errorBox(err: unknown, what = 'this data'): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  const status = err instanceof ApiError && err.status ? ` (HTTP ${err.status}${err.code ? `, ${err.code}` : ''})` : '';
  return h('div', { class: 'state error', role: 'alert' }, h('strong', null, `Could not load ${what}${status}: `), msg);
}

export const notAvailable = (what: string, api: string) =>
  h(
    'div',
    { class: 'state unavailable', role: 'note' },
    h('strong', null, `${what}: not available yet. `),
    `This server does not provide ${api}; the page will show it once that part of the observatory is installed.`,
  );

/**
 * Fill `slot` with a loading state, run `load`, then render its result (or an error box).
 * Aborted loads (the user left the page) render nothing.
 */
export async function section<T>(
  slot: HTMLElement,
  what: string,
  load: () => Promise<T>,
  show: (v: T) => Node | (Node | null)[],
  signal?: AbortSignal,
): Promise<T | undefined> {
  slot.replaceChildren(loading(what));
  try {
    const v = await load();
    if (signal?.aborted) return undefined;
    const out = show(v);
    slot.replaceChildren(...(Array.isArray(out) ? out : [out]).filter((n): n is Node => n !== null));
    return v;
  } catch (e) {
    if ((e as Error).name === 'AbortError' || signal?.aborted) return undefined;
    slot.replaceChildren(errorBox(e, what));
    return undefined;
  }
}

/**
 * A block that fills `slot` itself (several requests, or a check before its first section):
 * whatever it does not show itself (the server gone before its first request) becomes the
 * slot's error box, the same display as a section's, never an uncaught error and a stale slot.
 */
export function settle(slot: HTMLElement, what: string, work: Promise<unknown>, signal?: AbortSignal): void {
  work.catch((e: unknown) => {
    if ((e as Error).name === 'AbortError' || signal?.aborted) return;
    slot.replaceChildren(errorBox(e, what));
  });
}
