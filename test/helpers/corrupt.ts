/**
 * Damage a copy of a real DuckDB file the way a failing disk does: the data blocks holding the
 * named tables are overwritten after their checksum, while the file header and catalog stay
 * intact, so the file still opens and only reads of those tables fail.
 */
import { closeSync, copyFileSync, openSync, writeSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

/** DuckDB's file starts with three 4 KiB headers; block i follows at HEADER + i * block_size. */
const HEADER = 3 * 4096;
/** Leave each block's checksum (its first 8 bytes) and a little more as it was. */
const KEEP = 64;

export async function corruptCopy(source: string, target: string, tables: string[]): Promise<number[]> {
  copyFileSync(source, target);
  const inst = await DuckDBInstance.create(target, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  const blocks = new Set<number>();
  let size: number;
  try {
    size = Number((await c.runAndReadAll('SELECT block_size FROM pragma_database_size()')).getRowObjectsJS()[0]!.block_size);
    for (const t of tables) {
      const rows = (await c.runAndReadAll(`SELECT DISTINCT block_id FROM pragma_storage_info($1) WHERE persistent AND block_id >= 0`, [t])).getRowObjectsJS();
      for (const r of rows) blocks.add(Number(r.block_id));
    }
  } finally {
    c.closeSync();
    inst.closeSync();
  }
  if (blocks.size === 0) throw new Error(`corruptCopy: no stored blocks for ${tables.join(', ')} in ${source}`);
  const fd = openSync(target, 'r+');
  try {
    const junk = Buffer.alloc(size - KEEP, 0xa5);
    for (const b of blocks) writeSync(fd, junk, 0, junk.length, HEADER + b * size + KEEP);
  } finally {
    closeSync(fd);
  }
  return [...blocks].sort((a, b) => a - b);
}
