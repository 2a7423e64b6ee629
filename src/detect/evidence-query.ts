/**
 * A detection's evidence query, built once from its parameters: the API path's query string and
 * the CLI command's options are those parameters in the same order, so `params`, `api` and `cli`
 * always describe one query (a receiver that builds the query from `params` alone, as a webhook
 * receiver does, asks what `api` and `cli` ask).
 */
export interface EvidenceQuery {
  api: string;
  cli: string;
  params: Record<string, string>;
}

/** `path` is the API route (`/api/measurements/summary`), `command` the CLI command after `splinternet`; option names are the keys, `_` as `-`. */
export function evidenceQuery(path: string, command: string, params: Record<string, string>): EvidenceQuery {
  const options = Object.entries(params).map(([k, v]) => ` --${k.replaceAll('_', '-')} ${v}`);
  return { api: `${path}?${new URLSearchParams(params).toString()}`, cli: `splinternet ${command}${options.join('')}`, params };
}
