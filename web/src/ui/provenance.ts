/**
 * What a cost answer read, as label and text pairs a page shows beside its figures: the
 * exchange rate applied (when amounts are shown in USD) with its date, kind and source, the data
 * years, the data vintage and the sources, each as the API returns them.
 */
interface Rate {
  period: string;
  rate: number | null;
  kind: string | null;
  date: string | null;
  source: string | null;
  /** which amounts a rate converts, when the answer holds more than one ("RUB/USD: the method's amounts to US dollars") */
  note?: string | null;
}
export interface CostInputsOf {
  currency: string;
  data_years: number[];
  data_vintage: string[];
  sources: string[];
  rates: Rate[];
  items: { usd?: { rate_unit?: string | null } | null }[];
}

/** The rate as the calculator cards print it: four decimals below 100, one above. */
const rateText = (r: number) => r.toFixed(r >= 100 ? 1 : 4);

export function costProvenance(c: CostInputsOf, inUsd: boolean): [string, string][] {
  const unit = c.items.find((i) => i.usd?.rate_unit)?.usd?.rate_unit ?? `${c.currency}/USD`;
  const rates = inUsd
    ? c.rates
        .filter((r) => r.rate !== null)
        .map(
          (r) =>
            `${rateText(r.rate!)} ${r.note?.split(':')[0] ?? unit} on ${r.date ?? r.period}${r.kind || r.source ? ` (${[r.kind, r.source].filter(Boolean).join('; ')})` : ''}`,
        )
    : [];
  const out: [string, string][] = [];
  if (rates.length) out.push(['Exchange rate', rates.join('; ')]);
  if (c.data_years.length) out.push(['Data years', c.data_years.join(', ')]);
  if (c.data_vintage.length) out.push(['Data vintage', c.data_vintage.join('; ')]);
  if (c.sources.length) out.push(['Sources', c.sources.join('; ')]);
  return out;
}
