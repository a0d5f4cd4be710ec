import type { Attempt, Span } from '@agl/client';
import { compareSpansByStart, type SpanIndex } from './span-index.ts';

const MAX_ERROR_LENGTH = 500;

/** The description of the topmost failed span (the earliest among equals), or its name. */
export function errorFromSpans(index: SpanIndex): string | null {
  let best: { span: Span; depth: number } | null = null;
  for (const span of index.spans) {
    if (span.status.status_code !== 'ERROR') continue;
    const depth = index.depthOf(span);
    if (
      best === null ||
      depth < best.depth ||
      (depth === best.depth && compareSpansByStart(span, best.span) < 0)
    ) {
      best = { span, depth };
    }
  }
  if (best === null) return null;
  const description = best.span.status.description?.trim();
  return truncate(description ? description : `span "${best.span.name}" failed`);
}

/** Why an attempt ended badly: its metadata `error`, or what its status says; null otherwise. */
export function errorFromAttempt(attempt: Attempt): string | null {
  if (
    attempt.status !== 'failed' &&
    attempt.status !== 'timeout' &&
    attempt.status !== 'unresponsive'
  ) {
    return null;
  }
  const reported = describeReportedError(attempt.metadata?.error);
  if (reported !== null) return reported;
  if (attempt.status === 'timeout') return 'attempt timed out';
  if (attempt.status === 'unresponsive') return 'attempt stopped sending heartbeats';
  return null;
}

function describeReportedError(error: unknown): string | null {
  if (typeof error === 'string') return error.trim() === '' ? null : truncate(error.trim());
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message.trim() !== '') return truncate(message.trim());
    return truncate(JSON.stringify(error));
  }
  return null;
}

function truncate(text: string): string {
  return text.length <= MAX_ERROR_LENGTH ? text : `${text.slice(0, MAX_ERROR_LENGTH - 1)}…`;
}
