import type { AglStore, Rollout } from '@agl/client';
import pMap from 'p-map';
import { loadSpanFacts } from './load-summaries.ts';
import type { SpanFacts } from './summarize-rollout.ts';
import type { SummaryCache } from './summary-cache.ts';
import type { RewardsReadiness } from './types.ts';

export interface RewardTallyOptions {
  target: number;
  /** Span queries this tally may make for rollouts not in the cache. */
  maxSpanFetches: number;
  /** Span queries this tally may make to re-read cached rollouts that are due (`isDue`). */
  maxRechecks?: number;
  concurrency: number;
  cache?: SummaryCache;
}

const FETCH_CHUNK = 25;

interface ToRead {
  rollout: Rollout;
  /** What the cache had, counted when the re-read finds nothing. */
  cached?: SpanFacts;
}

/**
 * Counts finished rollouts that carry a reward, newest first, until the target is met. Span
 * queries are capped per tally; rollouts left over are counted by a later tally once cached.
 * Cached rollouts whose spans may have grown since (`SummaryCache.isDue`) are re-read within
 * their own budget, and counted as cached until then.
 */
export class RewardTally {
  withReward = 0;
  checked = 0;
  readonly #options: RewardTallyOptions;
  readonly #seen = new Set<string>();
  #fetchesLeft: number;
  #rechecksLeft: number;

  constructor(options: RewardTallyOptions) {
    this.#options = options;
    this.#fetchesLeft = options.maxSpanFetches;
    this.#rechecksLeft = options.maxRechecks ?? 50;
  }

  /** True once enough rewarded rollouts were found; reading further changes nothing. */
  get complete(): boolean {
    return this.withReward >= this.#options.target;
  }

  /** Counts a batch of finished rollouts (newest first). */
  async add(store: AglStore, rollouts: readonly Rollout[]): Promise<void> {
    const toRead: ToRead[] = [];
    const cache = this.#options.cache;
    for (const rollout of rollouts) {
      if (this.complete) return;
      if (this.#seen.has(rollout.rollout_id)) continue;
      this.#seen.add(rollout.rollout_id);
      const cached = cache?.spanFacts(rollout);
      if (cached && cache?.isDue(rollout) && this.#rechecksLeft > 0) {
        this.#rechecksLeft -= 1;
        toRead.push({ rollout, cached });
      } else if (cached) {
        this.#count(cached.reward);
      } else if (this.#fetchesLeft > 0) {
        this.#fetchesLeft -= 1;
        toRead.push({ rollout });
      }
    }
    let start = 0;
    while (start < toRead.length && !this.complete) {
      // Near the target, read no more than could still be needed.
      const size = Math.max(1, Math.min(FETCH_CHUNK, this.#options.target - this.withReward));
      const chunk = toRead.slice(start, start + size);
      start += size;
      const facts = await pMap(
        chunk,
        ({ rollout, cached }) =>
          loadSpanFacts(store, rollout, cache, { reread: cached !== undefined }),
        { concurrency: this.#options.concurrency },
      );
      for (const [index, fact] of facts.entries()) {
        const known = fact ?? chunk[index]?.cached;
        if (known && !this.complete) this.#count(known.reward);
      }
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
