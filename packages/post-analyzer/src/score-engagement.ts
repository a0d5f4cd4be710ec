import type { EngagementLevel } from './analysis-schema.ts';
import type { PostMetrics } from './post-schema.ts';

export type EngagementBasis = 'impressions' | 'followers' | 'interactions' | 'audience' | 'none';

export interface EngagementScore {
  /** Interactions per impression (or per follower when impressions are unknown). */
  engagementRate: number | null;
  /** likes + shares + replies, or null without metrics. */
  interactions: number | null;
  score: number;
  level: EngagementLevel;
  basis: EngagementBasis;
  rationale: string;
}

export interface EngagementInput {
  metrics?: PostMetrics | undefined;
  followers?: number | undefined;
}

/** Rates at or above this count as the best possible engagement (score 100). */
const SATURATING_RATE = 0.1;
const HIGH_FROM = 65;
const MEDIUM_FROM = 35;

export function engagementLevelFor(score: number): EngagementLevel {
  if (score >= HIGH_FROM) return 'high';
  if (score >= MEDIUM_FROM) return 'medium';
  return 'low';
}

/**
 * Scores engagement from a post's metrics, falling back to weaker evidence in order:
 * impressions, then followers as the reach, then absolute interactions, then audience size.
 * The rate curve is a square root so that typical rates (1–5 %) spread over the middle of 0–100.
 */
export function scoreEngagement({ metrics, followers }: EngagementInput): EngagementScore {
  if (metrics === undefined) {
    if (followers === undefined || followers === 0) {
      return result(null, null, 0, 'none', 'No metrics or follower count, so nothing to go on.');
    }
    const score = capped(12 * Math.log10(1 + followers));
    return result(
      null,
      null,
      score,
      'audience',
      `No metrics yet; predicted from an audience of ${formatCount(followers)} followers.`,
    );
  }

  const interactions = metrics.likes + metrics.shares + metrics.replies;
  const reach =
    metrics.impressions !== undefined && metrics.impressions > 0
      ? { size: metrics.impressions, basis: 'impressions' as const }
      : followers !== undefined && followers > 0
        ? { size: followers, basis: 'followers' as const }
        : undefined;

  if (reach === undefined) {
    const score = capped(20 * Math.log10(1 + interactions));
    return result(
      null,
      interactions,
      score,
      'interactions',
      `No impressions or follower count; ${formatCount(interactions)} interactions judged in absolute terms.`,
    );
  }

  const rate = interactions / reach.size;
  const score = capped(100 * Math.sqrt(Math.min(rate, SATURATING_RATE) / SATURATING_RATE));
  return result(
    round(rate, 4),
    interactions,
    score,
    reach.basis,
    `${formatCount(interactions)} interactions on ${formatCount(reach.size)} ${reach.basis} is a ${formatPercent(rate)} engagement rate.`,
  );
}

function result(
  engagementRate: number | null,
  interactions: number | null,
  score: number,
  basis: EngagementBasis,
  rationale: string,
): EngagementScore {
  return {
    engagementRate,
    interactions,
    score,
    level: engagementLevelFor(score),
    basis,
    rationale,
  };
}

function capped(value: number): number {
  return Math.round(Math.min(100, Math.max(0, value)));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatPercent(rate: number): string {
  return `${round(rate * 100, 1)}%`;
}
