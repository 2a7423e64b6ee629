/**
 * Fingerprint files -> Fingerprint records. Three shapes are accepted, detected from content:
 * - OONI blocking-fingerprints CSV (name, scope, location_found, pattern_type, pattern,
 *   expected_countries, ...): fingerprints_dns.csv and fingerprints_http.csv;
 * - the same rows as a JSON array (fastpath's test snapshots);
 * - Censored Planet JSONL ({"fingerprint", "pattern"} regexes, DOTALL), either block pages or
 *   known false positives (`kind`), as in censoredplanet-analysis pipeline/metadata/data.
 * A newer file of any of these loads without a code change (`splinternet fingerprints import`).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError, parseJsonText } from '../../shared/index.js';
import { scalar } from '../verdict/view.js';

export type FingerprintKind = 'dns' | 'http' | 'cp_blockpage' | 'cp_false_positive';

export interface Fingerprint {
  source: string;
  name: string;
  kind: FingerprintKind;
  /** Citizen Lab scope: nat, isp, prod, inst, vbw, fp (known false positive), injb, prov; null for CP. */
  scope: string | null;
  /** dns | body | header.<name> | response (CP: headers and body as one text) */
  location_found: string;
  pattern_type: 'full' | 'prefix' | 'contains' | 'regexp';
  pattern: string;
  expected_countries: string[];
}

const countries = (v: unknown): string[] =>
  scalar(v)
    .split(/[,\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => /^[A-Z]{2}$/.test(s) && s !== 'ZZ');

function fromOoniRow(r: Record<string, unknown>, source: string): Fingerprint {
  const loc = scalar(r.location_found).toLowerCase();
  const type = scalar(r.pattern_type) || 'contains';
  if (!scalar(r.name) || !scalar(r.pattern) || !loc) throw new Error('needs name, location_found and pattern');
  if (!['full', 'prefix', 'contains', 'regexp'].includes(type)) throw new Error(`unknown pattern_type ${type}`);
  return {
    source,
    name: scalar(r.name),
    kind: loc === 'dns' ? 'dns' : 'http',
    scope: scalar(r.scope) || null,
    location_found: loc,
    pattern_type: type as Fingerprint['pattern_type'],
    pattern: scalar(r.pattern),
    expected_countries: countries(r.expected_countries),
  };
}

export interface LoadedFingerprints {
  items: Fingerprint[];
  rejects: { line: number; reason: string }[];
}

/**
 * Parse one file's text. `source` names the set (replaced as a whole on import); `cpKind` says
 * whether Censored Planet JSONL holds block pages or false positives (default: from the name).
 */
export function parseFingerprintFile(text: string, fileName: string, source: string, cpKind?: 'cp_blockpage' | 'cp_false_positive'): LoadedFingerprints {
  const items: Fingerprint[] = [];
  const rejects: LoadedFingerprints['rejects'] = [];
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    const rows = parseJsonText(text, fileName) as Record<string, unknown>[];
    rows.forEach((r, i) => {
      try {
        items.push(fromOoniRow(r, source));
      } catch (e) {
        rejects.push({ line: i + 1, reason: (e as Error).message });
      }
    });
  } else if (trimmed.startsWith('{')) {
    const kind = cpKind ?? (/false[_-]?positive/i.test(fileName) ? 'cp_false_positive' : 'cp_blockpage');
    const seen = new Map<string, number>();
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const r = JSON.parse(line) as { fingerprint?: unknown; pattern?: unknown };
        if (typeof r.fingerprint !== 'string' || typeof r.pattern !== 'string') throw new Error('needs "fingerprint" and "pattern" strings');
        new RegExp(r.pattern, 's');
        const n = (seen.get(r.fingerprint) ?? 0) + 1;
        seen.set(r.fingerprint, n);
        items.push({
          source,
          name: n === 1 ? r.fingerprint : `${r.fingerprint}#${n}`,
          kind,
          scope: kind === 'cp_false_positive' ? 'fp' : null,
          location_found: 'response',
          pattern_type: 'regexp',
          pattern: r.pattern,
          expected_countries: [],
        });
      } catch (e) {
        rejects.push({ line: i + 1, reason: (e as Error).message.slice(0, 200) });
      }
    });
  } else {
    let rows: Record<string, unknown>[];
    try {
      const parsed: unknown = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ['\r\n', '\n'] });
      rows = parsed as Record<string, unknown>[];
    } catch (e) {
      throw new AppError('VALIDATION', `${fileName}: not a fingerprint CSV: ${(e as Error).message}`, {
        issues: [{ path: ['file'], message: 'malformed CSV' }],
      });
    }
    rows.forEach((r, i) => {
      try {
        items.push(fromOoniRow(r, source));
      } catch (e) {
        rejects.push({ line: i + 2, reason: (e as Error).message });
      }
    });
  }
  if (items.length === 0)
    throw new AppError('VALIDATION', `${fileName}: no fingerprints found (OONI CSV/JSON or Censored Planet JSONL expected)`, {
      issues: [{ path: ['file'], message: 'empty or unrecognised' }],
    });
  return { items, rejects };
}
