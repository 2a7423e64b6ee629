import { describe, expect, it } from 'vitest';
import { clusterUp, INSTALL_ADVICE } from './clickhouse-cluster.js';

describe('clickhouse up', () => {
  it('without clickhouse-server: a usage error (exit 2) that says how to install it, and nothing started', async () => {
    const env = { SPLINTERNET_CLICKHOUSE_SERVER: '/nonexistent/clickhouse-server', PATH: '' };
    await expect(clusterUp({ shards: 2, dir: '/nonexistent/dir', basePort: 18900, cluster: 'c', database: 'd', env })).rejects.toMatchObject({
      code: 'USAGE',
      message: INSTALL_ADVICE,
    });
  });

  it('a bad --shards or --cluster is named whether or not clickhouse-server is installed', async () => {
    const env = { SPLINTERNET_CLICKHOUSE_SERVER: '/nonexistent/clickhouse-server', PATH: '' };
    const base = { dir: '/nonexistent/dir', basePort: 18900, database: 'd', env };
    await expect(clusterUp({ ...base, shards: -1, cluster: 'c' })).rejects.toMatchObject({
      code: 'USAGE',
      message: '--shards must be an integer from 1 to 16, got -1',
    });
    await expect(clusterUp({ ...base, shards: 2, cluster: 'a-b' })).rejects.toMatchObject({ code: 'USAGE', message: /--cluster must be a plain name/ });
  });
});
