/**
 * Time bounds as DuckDB parses them. A bound comes as an ISO instant that JavaScript may have
 * written (toISOString), which spells a year past 9999 as `+010000-01-01T...`: DuckDB refuses that
 * form and takes `10000-01-01T...`, so a bound past year 9999 (the exclusive end of
 * `--until 9999-12-31`) filters like any other instead of failing the query.
 */
export const tsBound = (s: string): string => s.replace(/^\+0*(\d{5,}-)/, '$1');
