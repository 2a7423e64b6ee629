/**
 * Fan-out that never leaves work running behind an error: like Promise.all, but it waits for
 * every promise to settle before it rejects (with the first failure). With Promise.all a failed
 * read returned at once while its siblings still held store connections; closing the store then
 * raced them (and a caller could hang).
 */
export async function allSettledOrThrow<T extends readonly unknown[] | []>(values: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = await Promise.allSettled(values as readonly unknown[]);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [P in keyof T]: Awaited<T[P]> };
}
