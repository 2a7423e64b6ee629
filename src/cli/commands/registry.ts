/** `splinternet registry import|summary|asns|decision|lookup`: Russia's blocking register. */
import type { Command } from '@commander-js/extra-typings';
import type { z } from 'zod';
import type { ImportReport } from '../../registry/index.js';
import { registryAsnsOp, registryDecisionOp, registryImport, registryLookupOp, registrySummaryOp } from '../../registry/ops.js';
import type { RegistryAsnsSchema, RegistryDecisionSchema, RegistryLookupSchema, RegistrySummarySchema } from '../../registry/schemas.js';
import { ctxOf, leaf, limitOption, rowsOptions, table } from '../command.js';
import type { Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { percentText } from '../../shared/index.js';

type Summary = z.infer<typeof RegistrySummarySchema>;
type Asns = z.infer<typeof RegistryAsnsSchema>;
type Decision = z.infer<typeof RegistryDecisionSchema>;
type Lookup = z.infer<typeof RegistryLookupSchema>;

const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${percentText(x, 2)}%`;

const snapLine = (s: Summary['snapshot']) =>
  `snapshot ${s.id} (${s.kind}${s.lower_bound ? ', LOWER BOUND: truncated, partial or derived' : ', complete'})${s.selected_by ? ` · ${s.selected_by}` : ''}\n`;

/** Where a snapshot's figures come from: each file with its origin, commit and note, as the JSON answer's provenance. */
const sourceLines = (s: Summary['snapshot']) =>
  s.files
    .map((f) => {
      const p = f.provenance ?? {};
      const text = (k: string) => (typeof p[k] === 'string' ? p[k] : null);
      const at = [text('origin'), text('commit') && `commit ${text('commit')}`, text('path') && `path ${text('path')}`].filter(Boolean).join(', ');
      return `source: ${f.file} (${f.format}, sha256 ${f.sha256.slice(0, 12)})${at ? ` from ${at}` : ''}${text('note') ? `: ${text('note')}` : ''}\n`;
    })
    .join('');

function importText(r: ImportReport): string {
  const files = table(
    r.files.map((f) => ({
      file: f.file,
      format: f.format,
      snapshot: f.snapshot ?? '-',
      status: f.status,
      lines: n(f.lines),
      stored: n(f.stored),
      rejected: n(f.rejected),
      reconciled: f.reconciled ? 'yes' : 'NO',
    })),
    ['file', 'format', 'snapshot', 'status', 'lines', 'stored', 'rejected', 'reconciled'],
  );
  const snaps = table(
    r.snapshots.map((s) => ({
      snapshot: s.id,
      kind: s.kind,
      complete: s.complete ? 'yes' : 'no (lower bound)',
      entries: n(s.entries),
      ipv4_distinct: n(s.ipv4_distinct),
    })),
    ['snapshot', 'kind', 'complete', 'entries', 'ipv4_distinct'],
  );
  const rejects = r.rejects.length ? `rejects (first ${r.rejects.length}):\n${r.rejects.map((x) => `  ${x.file}:${x.line} ${x.reason}`).join('\n')}\n` : '';
  const links = r.links.map((l) => `evidence link ${l.event} -> ${l.snapshot}: ${l.linked ? 'linked' : `not linked (${l.reason})`}\n`).join('');
  return `${files}\n${snaps}${rejects}${links}stored ${n(r.stored)}, rejected ${n(r.rejected)}; indicators: ${r.indicators.series} series, ${r.indicators.values} values\n`;
}

function summaryText(s: Summary): string {
  const c = s.collateral;
  return [
    snapLine(s.snapshot),
    `IPv4 distinct addresses blocked: ${n(s.ipv4.distinct_addresses)} (listed ${n(s.ipv4.listed_addresses)}; overlaps counted twice ${n(s.ipv4.overlap_counted_twice)}; ${n(s.ipv4.single_addresses)} single addresses, ${n(s.ipv4.ranges)} ranges)\n`,
    `IPv6: ${n(s.ipv6.tokens)} tokens, ${s.ipv6.distinct_addresses} distinct addresses (counted apart)\n`,
    `entries ${n(s.entries.total)} · decisions ${n(s.entries.decisions)} · with IPs ${n(s.entries.with_ips)} · with domain ${n(s.entries.with_domain)} · with URLs ${n(s.entries.with_urls)}\n\nby decision body:\n`,
    table(
      s.by_body.map((b) => ({ body: b.decision_body, entries: n(b.entries), decisions: n(b.decisions), ipv4_distinct: n(b.ipv4_distinct) })),
      ['body', 'entries', 'decisions', 'ipv4_distinct'],
    ),
    '\ntop decisions:\n',
    table(
      s.top_decisions.map((d) => ({
        decision: d.decision_number,
        body: d.decision_bodies.join(', '),
        date: d.decision_dates.join(', '),
        entries: n(d.entries),
        ipv4_distinct: n(d.ipv4_distinct),
        ipv4_listed: n(d.ipv4_listed),
      })),
      ['decision', 'body', 'date', 'entries', 'ipv4_distinct', 'ipv4_listed'],
    ),
    '\nlargest ranges:\n',
    table(
      s.largest_ranges.map((r) => ({ range: r.range, addresses: n(r.addresses), decision: r.decision_number, body: r.decision_body })),
      ['range', 'addresses', 'decision', 'body'],
    ),
    `\ntarget ${n(c.target)} · collateral ${n(c.collateral)} (of which not announced today ${n(c.collateral_not_announced_today)})\n`,
    ...c.named_services.map(
      (x) =>
        `  ${x.service} (${x.decision_number}): ${n(x.decision_addresses)} addresses listed, ${n(x.target)} routed today by ${x.service}'s ASes, ${n(x.outside_service)} outside\n`,
    ),
    'collateral by organisation:\n',
    table(
      c.collateral_by_org.map((o) => ({ organisation: o.org, asns: o.asns.map((a) => `AS${a}`).join(' '), addresses: n(o.addresses) })),
      ['organisation', 'asns', 'addresses'],
    ),
    `\nAS data: ${s.as_data.package} ${s.as_data.version}, ${s.as_data.note}. ${s.as_data.attribution}\n`,
    `method: ${s.method}\n`,
    sourceLines(s.snapshot),
  ].join('');
}

function asnsText(a: Asns): string {
  return [
    snapLine(a.snapshot),
    `blocked ${n(a.totals.blocked)} · attributed to ${n(a.totals.asns)} ASes (${n(a.totals.organisations)} organisations) · not announced today ${n(a.totals.not_announced_today)}\n\norganisations:\n`,
    table(
      a.organisations.map((o) => ({
        organisation: o.org,
        asns: o.asns.map((x) => `AS${x}`).join(' '),
        blocked: n(o.blocked),
        announced: n(o.announced),
        share: pct(o.share_of_announced),
      })),
      ['organisation', 'asns', 'blocked', 'announced', 'share'],
    ),
    '\nautonomous systems:\n',
    table(
      a.items.map((r) => ({
        asn: `AS${r.asn}`,
        org: r.org,
        blocked: n(r.blocked),
        target: n(r.target),
        collateral: n(r.collateral),
        share: pct(r.share_of_announced),
      })),
      ['asn', 'org', 'blocked', 'target', 'collateral', 'share'],
    ),
    `\nAS data: ${a.as_data.package} ${a.as_data.version}, ${a.as_data.note}\n`,
  ].join('');
}

function decisionText(d: Decision): string {
  const head = `decision ${d.decision_number} · ${d.decision_bodies.join(', ')} · ${d.decision_dates.join(', ')}\n`;
  return (
    head +
    d.snapshots
      .map(
        (s) =>
          `\nsnapshot ${s.snapshot}${s.lower_bound ? ' (lower bound)' : ''}: ${n(s.entries)} entries, ${n(s.ipv4.distinct_addresses)} distinct IPv4 (listed ${n(s.ipv4.listed_addresses)}), IPv6 ${s.ipv6.distinct_addresses}; target ${n(s.collateral.target)}, collateral ${n(s.collateral.collateral)}\n` +
          table(
            s.organisations.map((o) => ({ organisation: o.org, asns: o.asns.map((x) => `AS${x}`).join(' '), addresses: n(o.addresses) })),
            ['organisation', 'asns', 'addresses'],
          ),
      )
      .join('')
  );
}

function lookupText(l: Lookup): string {
  const head = l.looked_up_from === 'url' ? `${l.query} is a URL: looking up its host ${l.looked_up}\n` : '';
  return head + lookupBody({ ...l, query: l.looked_up });
}

function lookupBody(l: Lookup): string {
  if (!l.listed) return `${l.query}: not listed in the imported snapshots (${l.snapshots_searched.map((s) => s.id).join(', ')}); they are partial.\n`;
  const since = l.since!;
  return (
    `${l.query}: LISTED since ${since.decision_date ?? '?'} (decision date); first seen in snapshot ${since.first_snapshot}, last in ${since.last_snapshot}\n` +
    table(
      l.decisions.map((d) => ({
        decision: d.decision_number,
        body: d.decision_body,
        date: d.decision_date ?? '',
        snapshots: d.snapshots.join(' '),
        entries: d.entries,
      })),
      ['decision', 'body', 'date', 'snapshots', 'entries'],
    ) +
    `${n(l.entries_total)} entries under ${n(l.decisions.length)} decisions; ${n(l.matches.length)} of ${n(l.matches_total)} matches shown` +
    `${l.next_cursor ? ` · next: --cursor ${l.next_cursor}` : ''}\n` +
    table(
      l.matches.map((m) => ({ matched: m.matched, snapshot: m.snapshot, file: `${m.source_file}:${m.line}`, domain: m.domain })),
      ['matched', 'snapshot', 'file', 'domain'],
    ) +
    (l.as ? `announced today by AS${l.as.asn} ${l.as.org} (${l.as.as_data})\n` : '')
  );
}

export function registryCommand(program: Command, io: Io): void {
  const reg = program.command('registry').description("Russia's blocking register (Zapret-Info dumps): import, address space, ASes, collateral, lookup");

  leaf(reg, 'import', 'import dumps (cp1251, "Updated:" header), dump parts, the derived CIDR file or the daily series')
    .argument('<files...>')
    .option('--dump-time <time>', 'dump time for files without an "Updated:" header (YYYY-MM-DD or ISO date-time)')
    .option('--force', 're-import files even when unchanged')
    .action(async (files: string[], o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(registryImport, {
        files,
        dump_time: o.dumpTime as string | undefined,
        force: o.force === true ? true : undefined,
      });
      if (r.rejected > 0 || !r.reconciled) io.setExit(EXIT.PARTIAL);
      ctx.print(r, importText);
    });

  const snapshotLeaf = (name: string, desc: string) =>
    leaf(reg, name, desc)
      .option('--snapshot <date>', 'snapshot id or date (YYYY-MM-DD); default: latest complete, else the largest')
      .option('--top <n>', 'rows per list (1-10000)', limitOption);
  const snapshotQuery = (o: Record<string, unknown>) => ({ snapshot: o.snapshot as string | undefined, top: o.top as number | undefined });
  snapshotLeaf('summary', 'distinct IPv4 blocked, per body and decision, largest ranges, IPv6, target vs collateral').action(
    async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      ctx.print(await ctx.run(registrySummaryOp, snapshotQuery(o)), summaryText);
    },
  );
  rowsOptions(snapshotLeaf('asns', "blocked addresses per AS and organisation (today's routing) and the share of each AS's space")).action(
    async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      await ctx.output(registryAsnsOp, await ctx.run(registryAsnsOp, snapshotQuery(o)), o, asnsText);
    },
  );

  rowsOptions(leaf(reg, 'decision', 'one decision across snapshots: entries, distinct IPv4, organisations hit'))
    .argument('<number>')
    .action(async (number: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      await ctx.output(registryDecisionOp, await ctx.run(registryDecisionOp, { number }), o, decisionText);
    });

  rowsOptions(leaf(reg, 'lookup', 'is an IP address or domain (or the host of a URL) listed, under which decision, since when'))
    .argument('<query>')
    .option('--limit <n>', 'matches per page (1-1000, default 50); decisions and totals count every match', limitOption)
    .option('--cursor <c>', 'next_cursor from a previous page')
    .action(async (query: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const input = { q: query, limit: o.limit as number | undefined, cursor: o.cursor as string | undefined };
      await ctx.output(registryLookupOp, await ctx.run(registryLookupOp, input), o, lookupText);
    });
}
