/**
 * Crash-test hook, inert unless SPLINTERNET_TEST_PAUSE_IN_TX is set. A writer calls it where a
 * kill must leave the store consistent: inside its transaction after its rows are written and
 * before COMMIT, or, on a store without transactions, after the rows and before the row that
 * makes them visible. When the variable names this phase (`phase`, or `phase#n` for the n-th time
 * this process reaches it) it prints `in-tx phase#n detail` on stderr and waits up to two minutes,
 * so a test can kill the process at a point that is provably inside the write.
 */
const reached = new Map<string, number>();

export async function pauseAt(phase: string, detail = ''): Promise<void> {
  const want = process.env.SPLINTERNET_TEST_PAUSE_IN_TX;
  if (!want) return;
  const n = (reached.get(phase) ?? 0) + 1;
  reached.set(phase, n);
  const [name, nth = '1'] = want.split('#');
  if (name !== phase || Number(nth) !== n) return;
  process.stderr.write(`in-tx ${phase}#${n} ${detail}\n`);
  await new Promise((r) => setTimeout(r, 120_000));
}
