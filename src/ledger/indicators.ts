/**
 * Indicators: published figures over time (violence cases, shutdown counts, costs, scores),
 * each value with its own source. Where sources disagree, every value is kept side by side
 * and flagged; nothing picks a winner silently.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { check } from '../op/index.js';
import { AppError, issuesFromZod, validationError } from '../shared/index.js';
import type { IndicatorSeriesRecord, IndicatorValueRecord, RetiredValues, Store } from '../store/index.js';
import { SourceSchema, type Source } from './model.js';

export const IndicatorValueSchema = z.object({
  period: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
  source: SourceSchema,
  note: z.string().nullable().default(null),
});

export const IndicatorSeriesSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(3),
  description: z.string().default(''),
  unit: z.string().min(1),
  country: check.knownCountryCode.nullable().default(null),
  values: z.array(IndicatorValueSchema).min(1),
});
export type IndicatorSeries = z.output<typeof IndicatorSeriesSchema>;

export const valueKey = (period: string, value: number, sourceUrl: string): string =>
  createHash('sha256').update(`${period}\u0000${value}\u0000${sourceUrl}`).digest('hex').slice(0, 16);

export function parseSeries(input: unknown, where: string): IndicatorSeries {
  const r = IndicatorSeriesSchema.safeParse(input);
  if (!r.success) throw validationError(issuesFromZod(r.error, input), `invalid indicator series in ${where}`);
  return r.data;
}

export function seriesRecords(s: IndicatorSeries, origin: string): { series: IndicatorSeriesRecord; values: IndicatorValueRecord[] } {
  const { values, ...meta } = s;
  return {
    series: { id: s.id, doc: meta, country: s.country, origin },
    values: values.map((v) => ({ seriesId: s.id, valueKey: valueKey(v.period, v.value, v.source.url), period: v.period, value: v.value, doc: v })),
  };
}

/** Save series; `retire` names values the new ones replace (removed in the same transaction). */
export async function saveSeries(store: Store, list: IndicatorSeries[], origin: string, retire?: RetiredValues[]): Promise<void> {
  const recs = list.map((s) => seriesRecords(s, origin));
  await store.ledger.upsertIndicators(
    recs.map((r) => r.series),
    recs.flatMap((r) => r.values),
    retire,
  );
}

export interface IndicatorView {
  id: string;
  title: string;
  description: string;
  unit: string;
  country: string | null;
  origin: string;
  values: { period: string; value: number; source: Source; note: string | null; disputed: boolean }[];
}

/** Series with values; values sharing a period with a different value are flagged `disputed`. */
export async function listIndicators(deps: { store: Store }, f: { country?: string; id?: string }): Promise<{ items: IndicatorView[]; next_cursor: null }> {
  const series = await deps.store.ledger.listIndicatorSeries(f);
  if (f.id && series.length === 0) throw new AppError('NOT_FOUND', `no indicator series "${f.id}"`);
  const values = await deps.store.ledger.listIndicatorValues(series.map((s) => s.id));
  // One pass over the values (a filter per series was series x values: ~100 ms of the first call).
  const bySeries = new Map<string, typeof values>();
  for (const v of values) {
    const list = bySeries.get(v.seriesId);
    if (list) list.push(v);
    else bySeries.set(v.seriesId, [v]);
  }
  const items = series.map((s): IndicatorView => {
    const mine = bySeries.get(s.id) ?? [];
    const distinct = new Map<string, Set<number>>();
    for (const v of mine) distinct.set(v.period, (distinct.get(v.period) ?? new Set()).add(v.value));
    const doc = s.doc as { title: string; description: string; unit: string };
    return {
      id: s.id,
      title: doc.title,
      description: doc.description,
      unit: doc.unit,
      country: s.country,
      origin: s.origin,
      values: mine
        .map((v) => {
          const d = v.doc as { source: Source; note: string | null };
          return { period: v.period, value: v.value, source: d.source, note: d.note, disputed: (distinct.get(v.period)?.size ?? 0) > 1 };
        })
        .sort((a, b) => a.period.localeCompare(b.period)),
    };
  });
  return { items, next_cursor: null };
}
