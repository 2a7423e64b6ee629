/**
 * SQL of the bulk dump load (registry-dump.ts). The domain has already applied the dump format's
 * rules and staged the candidate entries as CSV (src/registry/dump-stage.ts); here the engine
 * loads them, splits the " | " IP lists and converts canonical IPv4 tokens itself.
 */

/**
 * Canonical dotted-quad IPv4, optionally with /0-/32: the only tokens the engine converts itself.
 * No leading zeros, octets <= 255, so the arithmetic below is exact. Every other token (IPv6,
 * unusual spellings, garbage) goes to the `ip-address` library through `parseToken`; a test
 * checks this subset against the library (test/integration/registry-sql-parity.test.ts).
 */
export const CANONICAL_IPV4 = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])([.](25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}(/(3[0-2]|[12]?[0-9]))?';

const ENTRY_COLUMNS = `'ips': 'VARCHAR', 'domain': 'VARCHAR', 'urls': 'VARCHAR', 'body': 'VARCHAR', 'num': 'VARCHAR', 'date': 'DATE'`;
const ENTRY_VALUES = `$2, line, coalesce(ips, ''), coalesce(domain, ''), coalesce(urls, ''), body, num, date`;

/**
 * $1 = a verbatim part (consecutive dump lines in order, one row each; ";;;;;" where the line is
 * not an entry), $2 = file id, $3 = the line before the part's first. The row number is the
 * line's place in the part: the reader preserves insertion order and no row spans lines (no
 * quoting, no CR; test/integration/registry-sql-parity.test.ts, bench:registry's line check).
 */
export const LOAD_VERBATIM = `INSERT INTO registry_entries
SELECT ${ENTRY_VALUES} FROM (
  SELECT ($3 + row_number() OVER ())::INTEGER AS line, * FROM read_csv($1, columns = {${ENTRY_COLUMNS}},
    delim = ';', quote = '', escape = '', header = false, auto_detect = false, new_line = '\\n', max_line_size = 8388608))
WHERE body IS NOT NULL`;

/** $1 = the general file (`line;ips;...`, quoted fields), $2 = file id. */
export const LOAD_GENERAL = `INSERT INTO registry_entries
SELECT ${ENTRY_VALUES} FROM read_csv($1, columns = {'line': 'INTEGER', ${ENTRY_COLUMNS}},
  delim = ';', quote = '"', escape = '"', header = false, auto_detect = false, new_line = '\\n', max_line_size = 8388608)`;

/** Every IP token of the file's entries, flagged when the engine converts it. $1 = file id. */
export const TOKENS = `CREATE OR REPLACE TEMP TABLE reg_t AS
SELECT line, tok, regexp_full_match(tok, '${CANONICAL_IPV4}') AS fast
FROM (SELECT line, unnest(string_split(ips, ' | ')) AS tok FROM registry_entries WHERE file_id = $1 AND ips <> '')`;

export const SLOW_TOKENS = `SELECT DISTINCT tok FROM reg_t WHERE NOT fast ORDER BY tok`;

/** The library's verdict on the other tokens (first/last as decimal text; family NULL = not an address). $1 = JSON. */
export const SLOW_TABLE = `CREATE OR REPLACE TEMP TABLE reg_slow AS
SELECT tok, family::UTINYINT AS family, first::UHUGEINT AS first, last::UHUGEINT AS last, prefix::UTINYINT AS prefix, host_bits
FROM (SELECT unnest(json_transform($1, '[{"tok":"VARCHAR","family":"INTEGER","first":"VARCHAR","last":"VARCHAR","prefix":"INTEGER","host_bits":"BOOLEAN"}]'), recursive := true))`;
export const NO_SLOW_TABLE = `CREATE OR REPLACE TEMP TABLE reg_slow (tok VARCHAR, family UTINYINT, first UHUGEINT, last UHUGEINT, prefix UTINYINT, host_bits BOOLEAN)`;

/**
 * Canonical tokens as numbers: v the address, s = 32 - prefix host bits. BIGINT shifts and ORs
 * only: UBIGINT subtraction and modulo make DuckDB widen to HUGEINT, which cost 4x more here.
 */
const fastNumbers = (where: string) => `SELECT line, v, 32 - coalesce(o[5]::INTEGER, 32) AS s
FROM (SELECT line, o, (o[1]::BIGINT << 24) | (o[2]::BIGINT << 16) | (o[3]::BIGINT << 8) | o[4]::BIGINT AS v
      FROM (SELECT line, string_split(replace(tok, '/', '.'), '.') AS o FROM reg_t WHERE ${where}))`;

/** $1 = file id. A range per token: canonical IPv4 converted here, the rest as the library read them. */
export const INSERT_RANGES = `INSERT INTO registry_ranges
SELECT $1, line, 4, first::UHUGEINT, (first | ((1::BIGINT << s) - 1))::UHUGEINT, 32 - s
FROM (SELECT line, s, (v >> s) << s AS first FROM (${fastNumbers('fast')}))
UNION ALL
SELECT $1, t.line, s.family, s.first, s.last, s.prefix FROM reg_t t JOIN reg_slow s ON s.tok = t.tok WHERE NOT t.fast AND s.family IS NOT NULL`;

/** $1 = file id. Entries with a token that is not an address, with their ips (the domain names the first bad token). */
export const BAD_IP_ENTRIES = `SELECT e.line, e.ips FROM registry_entries e
WHERE e.file_id = $1 AND e.line IN (SELECT t.line FROM reg_t t JOIN reg_slow s ON s.tok = t.tok WHERE s.family IS NULL) ORDER BY e.line`;

/** $1 = file id, $2 = JSON list of lines to drop (rejected for a bad token). */
export const DROP_LINES = [
  `DELETE FROM registry_entries WHERE file_id = $1 AND line IN (SELECT unnest(json_transform($2, '["INTEGER"]')))`,
  `DELETE FROM registry_ranges WHERE file_id = $1 AND line IN (SELECT unnest(json_transform($2, '["INTEGER"]')))`,
];

/** $1 = file id, $2 = JSON list of rejected lines. Totals over what is stored. */
export const TOTALS = `SELECT
  (SELECT count(*) FROM registry_entries WHERE file_id = $1)::INTEGER AS stored,
  count(*) FILTER (WHERE family = 4)::INTEGER AS ipv4, count(*) FILTER (WHERE family = 6)::INTEGER AS ipv6,
  count(*) FILTER (WHERE prefix < CASE WHEN family = 4 THEN 32 ELSE 128 END)::INTEGER AS cidr,
  (SELECT count(*) FROM (${fastNumbers("fast AND contains(tok, '/')")}) WHERE (v >> s) << s <> v AND line NOT IN (SELECT unnest(json_transform($2, '["INTEGER"]'))))
  + (SELECT count(*) FROM reg_t t JOIN reg_slow s ON s.tok = t.tok WHERE NOT t.fast AND s.host_bits AND t.line NOT IN (SELECT unnest(json_transform($2, '["INTEGER"]'))))
  AS host_bits
FROM registry_ranges WHERE file_id = $1`;

export const DROP_TEMP = ['reg_t', 'reg_slow'].map((t) => `DROP TABLE IF EXISTS ${t}`);
