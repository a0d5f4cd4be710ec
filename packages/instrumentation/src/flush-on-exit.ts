/**
 * Flushes before the process goes away, without taking exit decisions from the app:
 * - `beforeExit` (the event loop ran dry): flush; the pending flush keeps the process alive.
 * - SIGTERM / SIGINT: flush within the deadline. When the app has its own handler for the
 *   signal, that handler decides what happens next; when ours is the only one, the signal is
 *   raised again after the flush so the process ends the way it would have without us.
 */
export function installFlushOnExit(
  flush: () => Promise<void>,
  deadlineMs: number,
  target: NodeJS.Process = process,
): () => void {
  let flushing: Promise<void> | undefined;
  const flushOnce = (): Promise<void> => {
    flushing ??= Promise.race([
      flush().catch(() => {}),
      new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref()),
    ]).finally(() => {
      flushing = undefined;
    });
    return flushing;
  };

  let exited = false;
  const onBeforeExit = () => {
    if (exited) return;
    exited = true;
    void flushOnce();
  };
  const signalHandlers = new Map<NodeJS.Signals, () => void>();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const handler = () => {
      const appHandlesIt = target.listenerCount(signal) > 1;
      void flushOnce().then(() => {
        if (appHandlesIt) return;
        target.removeListener(signal, handler);
        target.kill(target.pid, signal);
      });
    };
    signalHandlers.set(signal, handler);
    target.on(signal, handler);
  }
  target.on('beforeExit', onBeforeExit);

  return () => {
    target.removeListener('beforeExit', onBeforeExit);
    for (const [signal, handler] of signalHandlers) target.removeListener(signal, handler);
  };
}
