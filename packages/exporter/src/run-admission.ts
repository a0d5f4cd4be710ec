/**
 * Admission by run: the memory bound is kept by refusing whole new runs while the spans kept
 * for admitted runs fill it, never by dropping spans of a run already admitted (that would
 * make its rollout incomplete). An admitted run may take the queue up to `hardFactor` times its
 * bounds; past that its spans are lost and its rollout is marked incomplete.
 */
export interface QueueBounds {
  maxSpans: number;
  maxBytes: number;
}

export class RunAdmission {
  #spans = 0;
  #bytes = 0;
  readonly #bounds: QueueBounds;
  readonly #hardFactor: number;

  constructor(bounds: QueueBounds, hardFactor = 2) {
    this.#bounds = bounds;
    this.#hardFactor = hardFactor;
  }

  get spans(): number {
    return this.#spans;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Whether a new run may start now. */
  admitsRun(): boolean {
    return this.#spans < this.#bounds.maxSpans && this.#bytes < this.#bounds.maxBytes;
  }

  /** Takes room for one span of an admitted run; false when even the hard bound is reached. */
  take(bytes: number): boolean {
    if (
      this.#spans + 1 > this.#bounds.maxSpans * this.#hardFactor ||
      this.#bytes + bytes > this.#bounds.maxBytes * this.#hardFactor
    ) {
      return false;
    }
    this.#spans++;
    this.#bytes += bytes;
    return true;
  }

  /** Gives back the room of spans that are no longer kept. */
  release(spans: number, bytes: number): void {
    this.#spans = Math.max(0, this.#spans - spans);
    this.#bytes = Math.max(0, this.#bytes - bytes);
  }
}
