/**
 * The engine's single retry owner. A retryable failure pauses all calls to the store for a
 * delay that doubles up to `maxMs`; while paused the engine probes the store's health, and the
 * first answer ends the pause at once, so delivery resumes within a probe interval of recovery.
 * Pure: the clock is passed in.
 */
export class RetryBackoff {
  readonly #initialMs: number;
  readonly #maxMs: number;
  #delayMs: number;
  #pausedUntil = 0;
  #outageSince: number | undefined;

  constructor(initialMs: number, maxMs = 30_000) {
    this.#initialMs = initialMs;
    this.#maxMs = maxMs;
    this.#delayMs = initialMs;
  }

  /** True while calls should wait (a pause is running). */
  isPaused(now: number): boolean {
    return now < this.#pausedUntil;
  }

  /** True from the first failure until a call or probe succeeds again. */
  get inOutage(): boolean {
    return this.#outageSince !== undefined;
  }

  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** A retryable failure. Returns true when it starts an outage (the first failure). */
  failed(now: number): boolean {
    const first = this.#outageSince === undefined;
    this.#outageSince ??= now;
    this.#pausedUntil = Math.max(this.#pausedUntil, now + this.#delayMs);
    this.#delayMs = Math.min(this.#maxMs, this.#delayMs * 2);
    return first;
  }

  /** A call or probe succeeded: the pause ends. Returns how long the outage lasted, if any. */
  succeeded(now: number): number | undefined {
    const since = this.#outageSince;
    this.#outageSince = undefined;
    this.#pausedUntil = 0;
    this.#delayMs = this.#initialMs;
    return since === undefined ? undefined : now - since;
  }
}
