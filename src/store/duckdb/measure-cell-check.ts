/**
 * Whether the day cells agree with the stored measurements (what `doctor` reports): the
 * measurements stored, those the day cells count, and the files of the days where they differ.
 * The cells are recomputed from the rows after each ingest and at the first open for writing;
 * this reads both, so cells that disagree for any reason are named with the files that recount them.
 */
import type { DuckDb } from './db.js';

const DAYS = `r AS (SELECT date_trunc('day', measurement_start_time) AS day, count(*) AS n FROM measurements GROUP BY 1),
  c AS (SELECT bucket AS day, sum(n) AS n FROM measurement_cells WHERE grain = 'day' GROUP BY 1),
  d AS (SELECT coalesce(r.day, c.day) AS day, coalesce(r.n, 0) AS stored, coalesce(c.n, 0)::BIGINT AS counted FROM r FULL JOIN c ON r.day = c.day)`;

export async function duckDayCellCounts(db: DuckDb): Promise<{ part: string; stored: number; counted: number; paths: string[] }[]> {
  const [t] = await db.all<{ stored: number | null; counted: number | null; differ: number }>(
    `WITH ${DAYS} SELECT sum(stored)::BIGINT AS stored, sum(counted)::BIGINT AS counted, count(*) FILTER (WHERE stored <> counted) AS differ FROM d`,
  );
  const paths = t?.differ
    ? await db.all<{ path: string }>(
        `WITH ${DAYS} SELECT DISTINCT f.path FROM measurements m JOIN ingest_files f USING (file_id)
         JOIN d ON date_trunc('day', m.measurement_start_time) = d.day WHERE d.stored <> d.counted ORDER BY 1`,
      )
    : [];
  return [{ part: 'the database file', stored: Number(t?.stored ?? 0), counted: Number(t?.counted ?? 0), paths: paths.map((p) => p.path) }];
}
