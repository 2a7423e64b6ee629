/**
 * The records of a CSV file the API wrote whose key column holds one of some values: a list
 * shown as chosen events (by id) downloads the API's own export of them, every column and its
 * flattening rule kept, each kept record byte for byte as written.
 */

/** Split RFC 4180 text into records: each record's raw text and its cells (unquoted). */
function records(csv: string): { raw: string; cells: string[] }[] {
  const out: { raw: string; cells: string[] }[] = [];
  let start = 0;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && csv[i + 1] === '\n')) {
      const end = i;
      if (c === '\r') i++;
      cells.push(cell);
      out.push({ raw: csv.slice(start, end), cells });
      cells = [];
      cell = '';
      start = i + 1;
    } else cell += c;
  }
  if (start < csv.length) out.push({ raw: csv.slice(start), cells: [...cells, cell] });
  return out;
}

export function keepCsvRows(csv: string, column: string, values: readonly string[]): string {
  const [head, ...rest] = records(csv);
  const at = head?.cells.indexOf(column) ?? -1;
  if (!head || at < 0) return csv;
  const want = new Set(values);
  const eol = csv.includes('\r\n') ? '\r\n' : '\n';
  return [head, ...rest.filter((r) => want.has(r.cells[at] ?? ''))].map((r) => r.raw + eol).join('');
}
