/**
 * Runs `fn` over an async stream with at most `limit` calls in flight, pulling the next item
 * only when a slot frees up, so the stream is read as fast as the work goes and never ahead of
 * it. `shouldStop` is checked before each item is taken. The first failure stops new work and is
 * thrown once the calls in flight have settled.
 */
export async function forEachConcurrent<T>(
  items: AsyncIterable<T>,
  limit: number,
  fn: (item: T) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  const iterator = items[Symbol.asyncIterator]();
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && !shouldStop()) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (next.done) return;
      try {
        await fn(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
  await iterator.return?.();
  if (failure !== null) throw (failure as { error: unknown }).error;
}
