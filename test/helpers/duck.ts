/** An in-memory DuckDB that reads exported files back (CSV, Parquet) so tests compare them cell by cell. */
import { DuckDBInstance } from '@duckdb/node-api';

export async function duckReader(): Promise<{ rows: (sql: string) => Promise<Record<string, unknown>[]>; close: () => void }> {
  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  return {
    rows: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS(),
    close: () => {
      conn.closeSync();
      duck.closeSync();
    },
  };
}
