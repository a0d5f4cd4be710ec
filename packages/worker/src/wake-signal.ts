/**
 * A sleep that can be cut short: `sleep(ms)` resolves after `ms` or at the next `wake()`,
 * whichever comes first. Every sleeper is woken by one `wake()`.
 */
export class WakeSignal {
  #sleepers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.#sleepers.add(done);
    });
  }

  wake(): void {
    for (const sleeper of [...this.#sleepers]) sleeper();
  }
}
