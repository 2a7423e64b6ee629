/**
 * One measurement (GET /api/measurements/:id): our verdict (status, layers, mechanism, the
 * rules that fired and their evidence), OONI's flags, and the raw measurement as stored.
 */
import { getJson } from '../api.js';
import { h } from '../dom.js';
import { day, text } from '../format.js';
import { section } from './state.js';

type Doc = Record<string, unknown>;

const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join(', ') : text(v));

function kv(doc: Doc, keys?: string[]): HTMLElement {
  const ks = keys ?? Object.keys(doc).filter((k) => typeof doc[k] !== 'object' || doc[k] === null || Array.isArray(doc[k]));
  return h(
    'dl',
    { class: 'kv' },
    ks.filter((k) => k in doc).map((k) => [h('dt', null, k), h('dd', null, k.endsWith('_time') ? day(doc[k]) : show(doc[k]))]),
  );
}

export async function measurementDetail(slot: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  await section(
    slot,
    `measurement ${id}`,
    () => getJson<Doc>(`/api/measurements/${encodeURIComponent(id)}`, {}, signal),
    (m) => {
      const verdict = (m.verdict ?? m) as Doc;
      const raw = m.raw ?? m.measurement ?? null;
      const evidence = verdict.evidence ?? m.evidence ?? null;
      return h(
        'section',
        { class: 'card measurement-detail', 'aria-label': `Measurement ${id}` },
        h('h2', null, `Measurement ${id}`),
        kv(m),
        h('h3', null, 'Verdict'),
        kv(
          verdict,
          ['status', 'layers', 'mechanism', 'rules', 'rules_version', 'anomaly', 'confirmed', 'failure'].filter((k) => k in verdict),
        ),
        evidence ? [h('h3', null, 'Evidence'), h('pre', { class: 'raw' }, JSON.stringify(evidence, null, 2))] : null,
        raw
          ? h(
              'details',
              null,
              h('summary', null, 'Raw measurement (OONI JSON, CC BY-NC-SA 4.0)'),
              h('pre', { class: 'raw' }, typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2)),
            )
          : null,
      );
    },
    signal,
  );
}
