/**
 * How many rollouts may still be taken, shared by every worker loop it is given to (a process
 * that should exit after N rollouts whatever loop took them). A unit is taken before a dequeue
 * and given back when the queue was empty.
 */
export class RolloutBudget {
  readonly limit: number;
  #taken = 0;

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`a rollout budget must be a whole number ≥ 0, got ${String(limit)}`);
    }
    this.limit = limit;
  }

  get taken(): number {
    return this.#taken;
  }

  get exhausted(): boolean {
    return this.#taken >= this.limit;
  }

  /** Takes one unit; false when none is left. */
  tryTake(): boolean {
    if (this.exhausted) return false;
    this.#taken += 1;
    return true;
  }

  /** Gives back a unit that was not used. */
  giveBack(): void {
    if (this.#taken > 0) this.#taken -= 1;
  }
}
