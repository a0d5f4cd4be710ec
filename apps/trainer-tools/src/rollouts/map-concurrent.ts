import { forEachConcurrent } from './for-each-concurrent.ts';

/** Maps with at most `limit` calls in flight; results keep the input order. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  async function* indexed() {
    yield* items.entries();
  }
  await forEachConcurrent(indexed(), limit, async ([index, item]) => {
    results[index] = await fn(item);
  });
  return results;
}
