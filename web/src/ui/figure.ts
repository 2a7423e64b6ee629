/**
 * A chart with its accessible label and a Chart/Table switch: the table (with CSV) holds the
 * same numbers as the picture, for screen readers, copying and checking. Text in the chart (its
 * tooltips, labels and accessible names) shows control characters as escapes, as h() does.
 */
import { h, showTextsIn } from '../dom.js';

const XLINK = 'http://www.w3.org/1999/xlink';

export interface FigureOptions {
  title: string;
  /** What the chart shows, read by screen readers (aria-label of the chart). */
  label: string;
  /** Method, inputs, vintage and source of the figures. */
  note?: Node | string;
  id?: string;
}

export function figure(chart: Element, table: HTMLElement, o: FigureOptions): HTMLElement {
  const chartBox = h('div', { class: 'chart', role: 'group', 'aria-label': o.label });
  chartBox.append(chart);
  // Plot writes links as xlink:href; plain href lets the router, tests and tools see them.
  for (const a of chartBox.querySelectorAll('a')) {
    const x = a.getAttributeNS(XLINK, 'href');
    if (x && !a.hasAttributeNS(null, 'href')) a.setAttributeNS(null, 'href', x);
  }
  // Plot writes its tooltips and labels itself: stored text in them is shown as every page shows it.
  showTextsIn(chartBox);
  const tableBox = h('div', { class: 'figure-table', hidden: true });
  tableBox.append(table);
  const tabChart = h('button', { type: 'button', class: 'tab', 'aria-pressed': 'true' }, 'Chart');
  const tabTable = h('button', { type: 'button', class: 'tab', 'aria-pressed': 'false' }, 'Table');
  const show = (t: boolean) => {
    chartBox.hidden = t;
    tableBox.hidden = !t;
    tabChart.setAttribute('aria-pressed', String(!t));
    tabTable.setAttribute('aria-pressed', String(t));
  };
  tabChart.addEventListener('click', () => show(false));
  tabTable.addEventListener('click', () => show(true));
  return h(
    'figure',
    { class: 'fig', id: o.id ?? null },
    h(
      'div',
      { class: 'fig-head' },
      h('figcaption', null, o.title),
      h('div', { class: 'tabs', role: 'group', 'aria-label': `${o.title}: view` }, tabChart, tabTable),
    ),
    chartBox,
    tableBox,
    o.note ? h('p', { class: 'note' }, o.note) : null,
  );
}
