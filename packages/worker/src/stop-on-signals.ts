export interface StopOnSignalsOptions {
  /** Default SIGTERM and SIGINT. */
  signals?: NodeJS.Signals[];
  /** Told about each signal, e.g. to print "draining". */
  onSignal?: (signal: NodeJS.Signals, second: boolean) => void;
  /** Exit code when a second signal ends the process at once. Default 130. */
  forceExitCode?: number;
}

/**
 * The first SIGTERM/SIGINT calls `stop` (a graceful drain); a second one exits at once. Returns
 * a function that removes the handlers.
 */
export function stopOnSignals(stop: () => unknown, options: StopOnSignalsOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let received = false;
  const handler = (signal: NodeJS.Signals) => {
    const second = received;
    received = true;
    options.onSignal?.(signal, second);
    if (second) process.exit(options.forceExitCode ?? 130);
    void Promise.resolve()
      .then(stop)
      .catch(() => {});
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
