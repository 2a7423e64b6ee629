/**
 * A detection's evidence query read back three ways: `params` as written, the API path's query
 * string, and the CLI command's options. Every detector kind's tests check the three are one
 * query (src/detect/evidence-query.ts builds them so).
 */
import { expect } from 'vitest';

const COMMANDS: Record<string, string> = {
  '/api/measurements': 'measurements list',
  '/api/measurements/summary': 'measurements summary',
  '/api/signals/points': 'signals points',
  '/api/throughput/summary': 'throughput summary',
  '/api/speedtests/summary': 'speedtests summary',
};

export function expectOneQuery(q: { api: string; cli: string; params: Record<string, string> }): void {
  const [path, qs = ''] = q.api.split('?');
  const fromApi = Object.fromEntries(new URLSearchParams(qs));
  const command = `splinternet ${COMMANDS[path!] ?? `(no command for ${path})`} `;
  expect(q.cli.startsWith(command), `${q.cli} runs ${command}`).toBe(true);
  const words = q.cli.slice(command.length).split(' ');
  const fromCli: Record<string, string> = {};
  for (let i = 0; i < words.length; i += 2) {
    expect(words[i], q.cli).toMatch(/^--[a-z-]+$/);
    fromCli[words[i]!.slice(2).replaceAll('-', '_')] = words[i + 1]!;
  }
  expect(fromApi, `api ${q.api}`).toEqual(q.params);
  expect(fromCli, `cli ${q.cli}`).toEqual(q.params);
}
