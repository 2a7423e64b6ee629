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
});
