/**
 * Fingerprint files -> Fingerprint records. Three shapes are accepted, detected from content:
 * - OONI blocking-fingerprints CSV (name, scope, location_found, pattern_type, pattern,
 *   expected_countries, ...): fingerprints_dns.csv and fingerprints_http.csv;
 * - the same rows as a JSON array (fastpath's test snapshots);
 * - Censored Planet JSONL ({"fingerprint", "pattern"} regexes, DOTALL), either block pages or
 *   known false positives (`kind`), as in censoredplanet-analysis pipeline/metadata/data.
 * A newer file of any of these loads without a code change (`splinternet fingerprints import`).
 * Every pattern passes ./pattern-rule.ts; a CSV (LF or CRLF line endings, as OONI ships it) must
 * have the columns OONI_COLUMNS, else it is refused naming the one it lacks; a file whose every
 * row is rejected is refused naming the first rejects.
 */
import { isIP } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import { isCountryCode } from '../../geo/index.js';
import { AppError, parseJsonText } from '../../shared/index.js';
import { scalar } from '../verdict/view.js';
import { patternProblem } from './pattern-rule.js';

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

/** The columns an OONI fingerprint CSV must have (the others are optional). */
const OONI_COLUMNS = ['name', 'location_found', 'pattern_type', 'pattern'];

/** Citizen Lab's scopes, as OONI's blocking-fingerprints files use them (see Fingerprint.scope). */
const SCOPES = ['nat', 'isp', 'prod', 'inst', 'vbw', 'fp', 'injb', 'prov'];
/** Where an OONI fingerprint is looked for: the DNS answer, the body, or one response header. */
/** A DNS answer's host name (a CNAME target, as OONI's DNS fingerprints name some block pages). */
const HOST = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.?$/i;
const LOCATION = /^(dns|body|header\.[a-z0-9_-]+)$/;

/** expected_countries: ISO 3166-1 alpha-2 codes separated by commas (ZZ, "unknown", is dropped). */
function countries(v: unknown): string[] {
  const codes = scalar(v)
    .split(/[,\s]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = codes.find((c) => c !== 'ZZ' && !isCountryCode(c));
  if (bad) throw new Error(`expected_countries ${JSON.stringify(bad)} is no ISO 3166-1 alpha-2 country code`);
  return codes.filter((c) => c !== 'ZZ');
}

function fromOoniRow(r: Record<string, unknown>, source: string): Fingerprint {
  const loc = scalar(r.location_found).toLowerCase();
  const type = scalar(r.pattern_type) || 'contains';
  const scope = scalar(r.scope);
  const confidence = scalar(r.confidence_no_fp);
  if (!scalar(r.name) || !loc) throw new Error('needs name, location_found and pattern');
  const bad = patternProblem(scalar(r.pattern), type);
  if (bad) throw new Error(bad);
  if (!LOCATION.test(loc)) throw new Error(`location_found ${JSON.stringify(scalar(r.location_found))} is not dns, body or header.<name>`);
  if (!['full', 'prefix', 'contains', 'regexp'].includes(type)) throw new Error(`unknown pattern_type ${type}`);
  if (loc === 'dns' && type !== 'full')
    throw new Error(
      `pattern_type ${JSON.stringify(type)} does not apply to location_found dns: a dns fingerprint is full, the answer address or host name itself`,
    );
  if (loc === 'dns' && !isIP(scalar(r.pattern)) && !HOST.test(scalar(r.pattern)))
    throw new Error(`pattern ${JSON.stringify(scalar(r.pattern))} is no IP address or host name (location_found dns)`);
  if (scope && !SCOPES.includes(scope)) throw new Error(`scope ${JSON.stringify(scope)} is not one of ${SCOPES.join(', ')}`);
  if (confidence && !(/^\d+$/.test(confidence) && Number(confidence) <= 10))
    throw new Error(`confidence_no_fp ${JSON.stringify(confidence)} is not a whole number from 0 to 10`);
  return {
    source,
    name: scalar(r.name),
    kind: loc === 'dns' ? 'dns' : 'http',
    scope: scope || null,
    location_found: loc,
    pattern_type: type as Fingerprint['pattern_type'],
    pattern: scalar(r.pattern),
    expected_countries: countries(r.expected_countries),
  };
}

/** OONI rows into `items`, each bad or repeated one into `rejects` with its line (a name is one fingerprint of its set). */
function addOoniRows(
  rows: { row: Record<string, unknown>; line: number }[],
  source: string,
  items: Fingerprint[],
  rejects: LoadedFingerprints['rejects'],
): void {
  const firstLine = new Map<string, number>();
  for (const { row, line } of rows) {
    try {
      const fp = fromOoniRow(row, source);
      const first = firstLine.get(fp.name);
      if (first !== undefined) throw new Error(`name ${JSON.stringify(fp.name)} repeats line ${first} (a name is one fingerprint of its set)`);
      firstLine.set(fp.name, line);
      items.push(fp);
    } catch (e) {
      rejects.push({ line, reason: (e as Error).message });
    }
  }
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
    const rows = parseJsonText(text, fileName);
    addOoniRows(
      (rows as Record<string, unknown>[]).map((row, i) => ({ row, line: i + 1 })),
      source,
      items,
      rejects,
    );
  } else if (trimmed.startsWith('{')) {
    const kind = cpKind ?? (/false[_-]?positive/i.test(fileName) ? 'cp_false_positive' : 'cp_blockpage');
    const seen = new Map<string, number>();
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const r = JSON.parse(line) as { fingerprint?: unknown; pattern?: unknown };
        if (typeof r.fingerprint !== 'string' || typeof r.pattern !== 'string') throw new Error('needs "fingerprint" and "pattern" strings');
        const bad = patternProblem(r.pattern, 'regexp');
        if (bad) throw new Error(bad);
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
    let rows: { record: Record<string, unknown>; info: { bytes: number } }[];
    let header: string[] = [];
    try {
      const parsed: unknown = parseCsv(text, {
        columns: (h: string[]) => (header = h.map((c) => c.trim())),
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        record_delimiter: ['\r\n', '\n'],
        info: true,
      });
      rows = parsed as typeof rows;
    } catch (e) {
      throw new AppError('VALIDATION', `${fileName}: not a fingerprint CSV: ${(e as Error).message}`, {
        issues: [{ path: ['file'], message: 'malformed CSV' }],
      });
    }
    const missing = OONI_COLUMNS.filter((c) => !header.includes(c));
    if (header.length > 0 && missing.length > 0)
      throw new AppError(
        'VALIDATION',
        `${fileName}: line 1: not an OONI fingerprint CSV: ${missing.map((c) => `no column "${c}"`).join(', ')} (it needs ${OONI_COLUMNS.join(', ')}); nothing was stored`,
        {
          issues: missing.map((c) => ({ path: ['header', c], message: 'missing column' })),
        },
      );
    // a quoted field may hold line breaks, so a record's line is counted in the bytes: it starts
    // after the end of the one before (info.bytes, a UTF-8 offset) and the blank lines between
    const bytes = Buffer.from(text, 'utf8');
    let end = bytes.indexOf(0x0a) + 1;
    let pos = 0;
    let line = 1;
    const starts = rows.map((r) => {
      let start = end;
      while (bytes[start] === 0x0a || bytes[start] === 0x0d) start++;
      for (; pos < start; pos++) if (bytes[pos] === 0x0a) line++;
      end = r.info.bytes;
      return line;
    });
    addOoniRows(
      rows.map((r, k) => ({ row: r.record, line: starts[k]! })),
      source,
      items,
      rejects,
    );
  }
  if (items.length === 0 && rejects.length > 0) {
    const first = rejects.slice(0, 3).map((r) => `line ${r.line}: ${r.reason}`);
    throw new AppError(
      'VALIDATION',
      `${fileName}: all ${rejects.length} rows rejected: ${first.join('; ')}${rejects.length > 3 ? '; ...' : ''}; nothing was stored`,
      {
        issues: [{ path: ['file'], message: 'every row rejected' }],
        details: { rejects: rejects.slice(0, 20) },
      },
    );
  }
  if (items.length === 0)
    throw new AppError('VALIDATION', `${fileName}: no fingerprints found (OONI CSV/JSON or Censored Planet JSONL expected)`, {
      issues: [{ path: ['file'], message: 'empty or unrecognised' }],
    });
  return { items, rejects };
}
