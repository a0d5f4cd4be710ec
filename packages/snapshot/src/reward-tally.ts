import type { AglStore, Rollout } from '@agl/client';
import { loadSpanFacts } from './load-summaries.ts';
import { mapLimit } from './map-limit.ts';
import type { SummaryCache } from './summary-cache.ts';
import type { RewardsReadiness } from './types.ts';

export interface RewardTallyOptions {
  target: number;
  /** Span queries this tally may make for rollouts not in the cache. */
  maxSpanFetches: number;
  concurrency: number;
  cache?: SummaryCache;
}

const FETCH_CHUNK = 25;

/**
 * Counts finished rollouts that carry a reward, newest first, until the target is met. Span
 * queries are capped per tally; rollouts left over are counted by a later tally once cached.
 */
export class RewardTally {
  withReward = 0;
  checked = 0;
  readonly #options: RewardTallyOptions;
  readonly #seen = new Set<string>();
  #fetchesLeft: number;

  constructor(options: RewardTallyOptions) {
    this.#options = options;
    this.#fetchesLeft = options.maxSpanFetches;
  }

  /** True once enough rewarded rollouts were found; reading further changes nothing. */
  get complete(): boolean {
    return this.withReward >= this.#options.target;
  }

  /** Counts a batch of finished rollouts (newest first). */
  async add(store: AglStore, rollouts: readonly Rollout[]): Promise<void> {
    const toFetch: Rollout[] = [];
    for (const rollout of rollouts) {
      if (this.complete) return;
      if (this.#seen.has(rollout.rollout_id)) continue;
      this.#seen.add(rollout.rollout_id);
      const cached = this.#options.cache?.spanFacts(rollout);
      if (cached) this.#count(cached.reward);
      else if (toFetch.length < this.#fetchesLeft) toFetch.push(rollout);
    }
    this.#fetchesLeft -= toFetch.length;
    let start = 0;
    while (start < toFetch.length && !this.complete) {
      // Near the target, read no more than could still be needed.
      const size = Math.max(1, Math.min(FETCH_CHUNK, this.#options.target - this.withReward));
      const chunk = toFetch.slice(start, start + size);
      start += size;
      const facts = await mapLimit(chunk, this.#options.concurrency, (rollout) =>
        loadSpanFacts(store, rollout, this.#options.cache),
      );
      for (const fact of facts) if (fact && !this.complete) this.#count(fact.reward);
    }
  }

  readiness(finished: number): RewardsReadiness {
    return {
      withReward: this.withReward,
      target: this.#options.target,
      checked: this.checked,
      finished,
    };
  }

  #count(reward: number | null): void {
    this.checked += 1;
    if (reward !== null) this.withReward += 1;
  }
}
