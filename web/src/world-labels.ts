/**
 * What the world map's figure, legend, table and download say they show: the count of ledger
 * events, the published yearly cost (named by its publisher) or our own estimate (named by its
 * method). One function for all four, so a caption can never credit one figure to the other.
 */
import type { WorldState } from './world-query.js';

export interface WorldLabels {
  /** The figure's caption. */
  title: string;
  /** The colour legend's label. */
  legend: string;
  /** The table's caption. */
  caption: string;
  /** The header of the table's amount column (cost views). */
  column: string;
  /** The download's file name: the view, its publisher or method, its currency and its years. */
  csvName: string;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function worldLabels(s: WorldState, method: string, publishers: readonly string[] = []): WorldLabels {
  const years = `${s.from}-${s.to}`;
  const span = `${s.from}–${s.to}`;
  if (s.color === 'model')
    return {
      title: `Our estimated shutdown cost by country (${method}, USD)`,
      legend: `Our estimate of the cost of shutdowns (USD, ${method})`,
      caption: `Countries by our cost estimate (${method}), ${span}`,
      column: 'Our estimate (USD)',
      csvName: `splinternet-world-our-estimate-${slug(method)}-USD-${years}.csv`,
    };
  if (s.color === 'cost') {
    const by = publishers.length ? publishers.join(', ') : 'published series';
    return {
      title: `Published shutdown cost by country (${by}, USD)`,
      legend: `Published shutdown cost (USD, ${by})`,
      caption: `Countries by published cost (${by}), ${span}`,
      column: 'Published cost (USD)',
      csvName: `splinternet-world-published-cost-${slug(publishers.join('-') || 'series')}-USD-${years}.csv`,
    };
  }
  const cat = s.category ? ` (${s.category.replace(/_/g, ' ')})` : '';
  return {
    title: 'Ledger events by country',
    legend: `Ledger events${cat}, ${span}`,
    caption: `Countries by event count${cat}, ${span}`,
    column: 'Events',
    csvName: `splinternet-world-events${s.category ? `-${slug(s.category)}` : ''}-${years}.csv`,
  };
}
