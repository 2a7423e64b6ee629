/**
 * One measurement (GET /api/measurements/:id): our verdict (status, layers, mechanism, the
 * rules that fired and their evidence), OONI's flags, and the raw measurement as stored.
 */
import { getJson, type Measurement } from '../api.js';
import { h } from '../dom.js';
import { day, text } from '../format.js';
import { section } from './state.js';

const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join(', ') : text(v));

/** The fields of a measurement as a definition list: `keys` in that order, or every scalar and list field. */
function kv(m: Measurement, keys?: (keyof Measurement)[]): HTMLElement {
  const rows = keys ? keys.map((k) => [k, m[k]] as const) : Object.entries(m).filter(([, v]) => typeof v !== 'object' || v === null || Array.isArray(v));
  return h(
    'dl',
    { class: 'kv' },
    rows.map(([k, v]) => [h('dt', null, k), h('dd', null, k.endsWith('_time') ? day(v) : show(v))]),
  );
}

export async function measurementDetail(slot: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  await section(
    slot,
    `measurement ${id}`,
    () => getJson<Measurement>(`/api/measurements/${encodeURIComponent(id)}`, {}, signal),
    (m) =>
      h(
        'section',
        { class: 'card measurement-detail', 'aria-label': `Measurement ${id}` },
        h('h2', null, `Measurement ${id}`),
        kv(m),
        h('h3', null, 'Verdict'),
        kv(m, ['status', 'layers', 'mechanism', 'rules', 'rules_version', 'anomaly', 'confirmed', 'failure']),
        m.evidence.length ? [h('h3', null, 'Evidence'), h('pre', { class: 'raw' }, JSON.stringify(m.evidence, null, 2))] : null,
        m.raw
          ? h(
              'details',
              null,
              h('summary', null, 'Raw measurement (OONI JSON, CC BY-NC-SA 4.0)'),
              h('pre', { class: 'raw' }, typeof m.raw === 'string' ? m.raw : JSON.stringify(m.raw, null, 2)),
            )
          : null,
      ),
    signal,
  );
}
