import { FINISHED_ROLLOUT_STATUSES, type Rollout, type RolloutStatus } from '@agl/client';
import type { AttemptFacts, SpanFacts } from './summarize-rollout.ts';

const FINISHED = new Set<RolloutStatus>(FINISHED_ROLLOUT_STATUSES);

interface Entry {
  /** See `rolloutVersion`; a rollout that changed since no longer matches. */
  version: string;
  spans?: SpanFacts;
  /** Epoch milliseconds when the spans were read. */
  spansReadAt?: number;
  attempts?: AttemptFacts;
}

export interface SummaryCacheOptions {
  /**
   * Spans added to a finished rollout (a reward written later) do not change the rollout itself
   * where the store does not return its latest attempt (AGL 0.2), so such entries are worth
   * reading again after this long (default 60 s). See `isDue`.
   */
  recheckAfterMs?: number;
  /** Epoch milliseconds clock; defaults to `Date.now`. */
  now?: () => number;
}

export function isFinished(rollout: Rollout): boolean {
  return FINISHED.has(rollout.status);
}

/**
 * What identifies the state of a finished rollout: status, end time and, where the store returns
 * it, the latest attempt's last heartbeat, which every added span moves (a reward written after
 * the rollout finished, too).
 */
export function rolloutVersion(rollout: Rollout): string {
  const attempt = rollout.attempt;
  const beat = attempt ? `#${attempt.attempt_id}@${attempt.last_heartbeat_time}` : '';
  return `${rollout.status}@${rollout.end_time}${beat}`;
}

/**
 * Remembers what was read from the spans and attempts of finished rollouts, so that repeated
 * snapshots fetch them once. An entry is dropped as soon as the rollout's version changes
 * (`rolloutVersion`). Least recently used entries go first.
 */
export class SummaryCache {
  readonly capacity: number;
  readonly recheckAfterMs: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(capacity = 20_000, options: SummaryCacheOptions = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`SummaryCache capacity must be a positive integer, got ${capacity}`);
    }
    const recheckAfterMs = options.recheckAfterMs ?? 60_000;
    if (!(recheckAfterMs > 0)) {
      throw new RangeError(`SummaryCache recheckAfterMs must be positive, got ${recheckAfterMs}`);
    }
    this.capacity = capacity;
    this.recheckAfterMs = recheckAfterMs;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  spanFacts(rollout: Rollout): SpanFacts | undefined {
    return this.#get(rollout)?.spans;
  }

  /**
   * True when the cached spans may be out of date and are worth reading again: the store does not
   * return the rollout's latest attempt, so a span added later would go unnoticed, and they
   * were read more than `recheckAfterMs` ago.
   */
  isDue(rollout: Rollout): boolean {
    if (rollout.attempt !== undefined) return false;
    const readAt = this.#entries.get(rollout.rollout_id)?.spansReadAt;
    return readAt !== undefined && this.#now() - readAt >= this.recheckAfterMs;
  }

  attemptFacts(rollout: Rollout): AttemptFacts | undefined {
    return this.#get(rollout)?.attempts;
  }

  /** Stores facts about a finished rollout; anything else is ignored. */
  remember(rollout: Rollout, facts: { spans?: SpanFacts; attempts?: AttemptFacts }): void {
    if (!isFinished(rollout)) return;
    const version = rolloutVersion(rollout);
    const previous = this.#entries.get(rollout.rollout_id);
    const entry: Entry = previous?.version === version ? previous : { version };
    if (facts.spans) {
      entry.spans = facts.spans;
      entry.spansReadAt = this.#now();
    }
    if (facts.attempts) entry.attempts = facts.attempts;
    this.#entries.delete(rollout.rollout_id);
    this.#entries.set(rollout.rollout_id, entry);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#entries.clear();
  }

  #get(rollout: Rollout): Entry | undefined {
    const entry = this.#entries.get(rollout.rollout_id);
    if (entry === undefined) return undefined;
    if (entry.version !== rolloutVersion(rollout)) {
      this.#entries.delete(rollout.rollout_id);
      return undefined;
    }
    this.#entries.delete(rollout.rollout_id);
    this.#entries.set(rollout.rollout_id, entry);
    return entry;
  }
}
