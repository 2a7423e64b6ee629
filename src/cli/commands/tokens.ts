/** `splinternet tokens create|list|revoke`: API tokens for writes; only hashes are stored. */
import type { Command } from '@commander-js/extra-typings';
import { ctxOf, leaf, table } from '../command.js';
import type { Io } from '../context.js';

export function tokensCommand(program: Command, io: Io): void {
  const tokens = program.command('tokens').description('API tokens for writes (shown once; stored hashed)');
  leaf(tokens, 'create', 'create a token and print it once')
    .requiredOption('--name <name>', 'who or what will use it')
    .action(async (o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.op<{ token: string; record: { id: string; name: string } }>('tokens.create', { name: o.name });
      ctx.print(r, (x: typeof r) => `${x.token}\n(token ${x.record.id} "${x.record.name}": store it now, it is not shown again)\n`);
    });
  leaf(tokens, 'list', 'list tokens (ids, names, dates; never secrets)').action(async (o: Record<string, unknown>) => {
    const ctx = ctxOf(io, o);
    const r = await ctx.op<{ items: Record<string, unknown>[] }>('tokens.list', {});
    ctx.print(r, (x: typeof r) => table(x.items, ['id', 'name', 'createdAt', 'revokedAt', 'lastUsedAt']));
  });
  leaf(tokens, 'revoke', 'revoke a token by id')
    .argument('<id>')
    .action(async (id: string, o: Record<string, unknown>) => {
      const ctx = ctxOf(io, o);
      const r = await ctx.op('tokens.revoke', { id });
      ctx.print(r, () => `revoked ${id}\n`);
    });
}
