import { FINISHED_ROLLOUT_STATUSES, type Rollout, type RolloutStatus } from '@agl/client';
import type { AttemptFacts, SpanFacts } from './summarize-rollout.ts';

const FINISHED = new Set<RolloutStatus>(FINISHED_ROLLOUT_STATUSES);

interface Entry {
  /** Status and end time when cached; a restarted rollout no longer matches. */
  version: string;
  spans?: SpanFacts;
  attempts?: AttemptFacts;
}

export function isFinished(rollout: Rollout): boolean {
  return FINISHED.has(rollout.status);
}

/**
 * Remembers what was read from the spans and attempts of finished rollouts, which no longer
 * change, so that repeated snapshots fetch them once. Least recently used entries go first.
 */
export class SummaryCache {
  readonly capacity: number;
  readonly #entries = new Map<string, Entry>();

  constructor(capacity = 20_000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`SummaryCache capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  spanFacts(rollout: Rollout): SpanFacts | undefined {
    return this.#get(rollout)?.spans;
  }

  attemptFacts(rollout: Rollout): AttemptFacts | undefined {
    return this.#get(rollout)?.attempts;
  }

  /** Stores facts about a finished rollout; anything else is ignored. */
  remember(rollout: Rollout, facts: { spans?: SpanFacts; attempts?: AttemptFacts }): void {
    if (!isFinished(rollout)) return;
    const version = versionOf(rollout);
    const previous = this.#entries.get(rollout.rollout_id);
    const entry: Entry = previous?.version === version ? previous : { version };
    if (facts.spans) entry.spans = facts.spans;
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
    if (entry.version !== versionOf(rollout)) {
      this.#entries.delete(rollout.rollout_id);
      return undefined;
    }
    this.#entries.delete(rollout.rollout_id);
    this.#entries.set(rollout.rollout_id, entry);
    return entry;
  }
}

function versionOf(rollout: Rollout): string {
  return `${rollout.status}@${rollout.end_time}`;
}
