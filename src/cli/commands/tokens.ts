/** `splinternet tokens create|list|revoke`: scoped API tokens; only hashes are stored. */
import type { Command } from '@commander-js/extra-typings';
import { tokensCreate, tokensList, tokensRevoke } from '../../ledger/ops.js';
import { SCOPES } from '../../shared/index.js';
import { ctxOf, examples, leaf, rowsOptions, str, table } from '../command.js';
import type { Io } from '../context.js';

export function tokensCommand(program: Command, io: Io): void {
  const tokens = program.command('tokens').description('scoped API tokens (shown once; stored hashed)');
  const create = leaf(tokens, 'create', 'create a token and print it once')
    .requiredOption('--name <name>', 'who or what will use it')
    .option(
      '--scope <scopes>',
      `comma-separated: ${SCOPES.join(', ')} (read: non-public reads; write: ledger edits; import: server-side imports from --import-dir folders; admin: everything)`,
      'read',
    )
    .option('--expires <date>', 'refused after this: YYYY[-MM[-DD]] (through its end, UTC) or an ISO instant (default: no end)')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(tokensCreate, { name: String(o.name), scopes: String(o.scope), expires: str(o.expires) });
      ctx.print(
        r,
        (x: typeof r) =>
          `${x.token}\n(token ${x.record.id} "${x.record.name}", scopes ${x.record.scopes.join(',')}${x.record.expires_at ? `, until ${x.record.expires_at}` : ''}: store it now, it is not shown again)\n`,
      );
    });
  examples(create, [
    'splinternet tokens create --name newsroom-editor --scope write',
    'splinternet tokens create --name nightly-import --scope import --json',
    'splinternet tokens create --name reviewer --expires 2027-01-31',
  ]);
  rowsOptions(leaf(tokens, 'list', 'list tokens: scopes, who created and revoked them, when (never secrets)')).action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.run(tokensList, {});
    const rows = r.items.map((t) => ({ ...t, scopes: t.scopes.join(',') }));
    await ctx.output(tokensList, r, o, () =>
      table(rows, ['id', 'name', 'scopes', 'created_at', 'created_by', 'expires_at', 'revoked_at', 'revoked_by', 'last_used_at']),
    );
  });
  leaf(tokens, 'revoke', 'revoke a token by id (who and when are recorded)')
    .argument('<id>')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.run(tokensRevoke, { id });
      ctx.print(r, () => `revoked ${id}\n`);
    });
}
