/** A feed's current state and who to tell when it changes. */
export class StateHolder<S extends object> {
  readonly #listeners = new Set<() => void>();
  #state: S;

  constructor(initial: S) {
    this.#state = initial;
  }

  get(): S {
    return this.#state;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  update(patch: Partial<S>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch {
        // A listener that throws must not stop the others or the polling.
      }
    }
  }

  /** Forgets every listener (the feed is closing). */
  clear(): void {
    this.#listeners.clear();
  }
}
