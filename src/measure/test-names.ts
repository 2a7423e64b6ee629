/**
 * OONI's test names, as measurements carry them in `test_name` (snake case) and as the raw
 * bucket names its folders (raw/YYYYMMDD/HH/CC/webconnectivity/: no underscores). Every option
 * that names a test (ooni sync --test, ingest --test-name, the measurement filters) is checked
 * against this one list, so a typo is a usage error listing the accepted names instead of an
 * empty result. The list is the nettests of OONI's specification (ooni/spec nettests/ts-*.md)
 * plus the names fastpath scores under another spelling (stunreachability); a test OONI adds
 * later is added here (the verdict code scores unknown tests with the generic rules).
 */
import { z } from 'zod';
import { AppError } from '../shared/index.js';

export const OONI_TEST_NAMES = [
  'web_connectivity',
  'http_header_field_manipulation',
  'http_invalid_request_line',
  'facebook_messenger',
  'telegram',
  'whatsapp',
  'signal',
  'tor',
  'vanilla_tor',
  'torsf',
  'psiphon',
  'riseupvpn',
  'openvpn',
  'openvpn_client_test',
  'dnscheck',
  'urlgetter',
  'sni_blocking',
  'echcheck',
  'browser_web',
  'stunreachability',
  'stun_reachability',
  'dash',
  'ndt',
  'tcpping',
  'tlsping',
  'quicping',
  'simplequicping',
  'dnsping',
  'tlsmiddlebox',
  'portfiltering',
  'http_requests',
  'http_host',
  'dns_consistency',
  'dns_spoof',
  'dns_injection',
  'tcp_connect',
  'multi_protocol_traceroute',
  'captiveportal',
  'bridge_reachability',
  'lantern_circumvention_tool_test',
  'meek_fronted_requests_test',
] as const;

export type OoniTestName = (typeof OONI_TEST_NAMES)[number];

/** The bucket's folder name for a test: web_connectivity -> webconnectivity. */
export const testDir = (name: string) => name.replace(/_/g, '').toLowerCase();

const KNOWN = new Set<string>(OONI_TEST_NAMES);
/** Folder name -> test name (the first listed wins: stunreachability, not stun_reachability). */
const BY_DIR = new Map<string, string>();
for (const n of OONI_TEST_NAMES) if (!BY_DIR.has(testDir(n))) BY_DIR.set(testDir(n), n);

export const isOoniTestName = (v: string): boolean => KNOWN.has(v);

/** What a user means by `v`: the test name itself, or the test whose bucket folder `v` names (any case); null when neither. */
export function ooniTestNameOf(v: string): string | null {
  const t = v.trim();
  if (KNOWN.has(t)) return t;
  return BY_DIR.get(testDir(t.replace(/-/g, '_'))) ?? null;
}

/** The message for a name that is not a test: the value, a likely meaning, and every accepted name. */
export function unknownTestMessage(v: string): string {
  const near = ooniTestNameOf(v);
  // a well-formed name may be a test added after this release: its measurements are stored under
  // their own test_name (insufficient, generic.no_rule) and reached through --target
  const later =
    !near && /^[a-z][a-z0-9_]*$/.test(v.trim())
      ? `; measurements of a test this release does not know are stored under their own test_name: find them with --target ${v.trim()}, ingest them without --test-name`
      : '';
  return `"${v}" is not an OONI test name${near ? ` (did you mean ${near}?)` : ''}; accepted: ${OONI_TEST_NAMES.join(', ')}${later}`;
}

/**
 * The test names of a repeatable, comma-separated option (`--test web_connectivity,telegram`); a bucket
 * folder spelling (webconnectivity) or dashes are taken for the test they name. Throws a
 * VALIDATION AppError naming the option, the bad value and the accepted names.
 */
export function parseTestNames(flag: string, values: string[]): string[] {
  const out: string[] = [];
  for (const v of values.flatMap((x) => x.split(',')).filter((x) => x.trim())) {
    const name = ooniTestNameOf(v);
    if (!name)
      throw new AppError('VALIDATION', `${flag}: ${unknownTestMessage(v)}`, {
        issues: [{ path: [flag.replace(/^--/, '')], message: `unknown test "${v}"` }],
      });
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * A test name in an op's input: the name, or the bucket folder spelling (any case, dashes) of
 * the test it names, as parseTestNames takes them on the command line; the value is the stored
 * test_name, so the CLI and HTTP accept and mean the same.
 */
export const ooniTestName = z
  .string()
  .overwrite((v) => ooniTestNameOf(v) ?? v)
  .superRefine((v, ctx) => {
    if (!KNOWN.has(v)) ctx.addIssue({ code: 'custom', message: unknownTestMessage(v) });
  })
  // no description: the published schema (and the dashboard's generated types) stay a plain string
  .meta({ example: 'web_connectivity' });
