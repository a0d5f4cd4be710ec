/**
 * Retries `check` until it stops throwing, for state that settles asynchronously (background
 * delivery, AGL's lazy watchdog). Bounded: the last failure is rethrown after `timeoutMs`.
 */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
