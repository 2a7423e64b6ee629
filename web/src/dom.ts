/**
 * A tiny DOM builder: the dashboard is a handful of pages of tables, forms and SVG, so plain
 * elements built with h()/s() keep the bundle small and the markup easy to assert on in tests.
 * Every text it writes shows control and bidi characters as visible escapes (`\u202e`), as the
 * CLI does (src/shared/terminal-text.ts), in text nodes and in the attributes read as text (a
 * tooltip, an accessible name): no stored title can reorder or hide what a page shows.
 */
import { escapeControls } from '../../src/shared/terminal-text.js';

/** Text as a page shows it: each control or bidi character as an escape, line feeds and tabs kept. */
export const shownText = (t: string): string => escapeControls(t, { keepLines: true });

export type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : shownText(String(c)));
  }
}

/** Attributes a reader sees or hears as text (tooltips, accessible names): shown as text is. */
const SHOWN_ATTRS = new Set(['title', 'alt', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder']);

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else el.setAttribute(k, v === true ? '' : SHOWN_ATTRS.has(k) ? shownText(String(v)) : String(v));
  }
}

/**
 * Text a chart library wrote itself (Plot's `<title>` tooltips, `aria-label`s and tick labels)
 * shown by the same rule as h()/s(): every text node and text attribute under `root`. Escaping is
 * idempotent (an escape holds no control character), so a node written by h() is unchanged.
 */
export function showTextsIn(root: Element): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue ?? '';
    const shown = shownText(t);
    if (shown !== t) n.nodeValue = shown;
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const a of SHOWN_ATTRS) {
      const v = el.getAttribute(a);
      if (v !== null && shownText(v) !== v) el.setAttribute(a, shownText(v));
    }
  }
}

/** An HTML element: h('a', { href: '/x' }, 'text'). Attributes starting with "on" are listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs ?? undefined);
  append(el, children);
  return el;
}

/** Replace an element's content. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
