/**
 * What an address shows when it carries a query parameter its page does not take: the page's
 * answer would be another than the link asks for, so nothing of it is shown; the refusal names
 * each parameter (with the API's "did you mean" hint), lists those the page takes, and links the
 * same address without them.
 */
import { h } from '../dom.js';
import { refusalText, unknownParams, withoutUnknown } from '../page-params.js';
import type { PageContext } from '../router.js';

export function refusedPage({ root, query }: PageContext, accepted: readonly string[]): void {
  const path = location.pathname;
  document.title = 'Parameter not taken · Splinternet Observatory';
  const unknown = unknownParams(query, accepted);
  root.append(
    h('h1', null, 'This address cannot be shown as asked'),
    h('div', { class: 'state error', role: 'alert' }, h('strong', null, 'Nothing is shown: '), refusalText(unknown, accepted, path)),
    h(
      'p',
      null,
      `Without ${unknown.map((u) => `"${u.name}"`).join(', ')}: `,
      h('a', { href: withoutUnknown(path, query, accepted) }, withoutUnknown(path, query, accepted)),
      '.',
    ),
  );
}
