import type { WorkerEvent } from '@agl/worker';

/** One log line per worker event. */
export function formatWorkerEvent(event: WorkerEvent): string {
  const who = `[${event.workerId}]`;
  switch (event.type) {
    case 'started':
      return `${who} started (concurrency ${event.concurrency})`;
    case 'dequeued':
      return `${who} ${event.rolloutId} attempt ${event.attemptNumber} started${event.mode === null ? '' : ` (${event.mode})`}`;
    case 'finished': {
      const head = `${who} ${event.rolloutId} ${event.status} in ${event.durationMs} ms`;
      if (event.status === 'failed') return `${head}: ${event.error ?? 'unknown error'}`;
      return event.reward === null ? `${head}, no reward` : `${head}, reward ${event.reward}`;
    }
    case 'warning':
      return `${who} warning${event.rolloutId === undefined ? '' : ` (${event.rolloutId})`}: ${event.message}`;
    case 'draining':
      return `${who} draining: waiting up to ${event.timeoutMs / 1000} s for ${count(event.active, 'run')}`;
    case 'stopped': {
      const { dequeued, succeeded, failed, rewards } = event.stats;
      return `${who} stopped: ${count(dequeued, 'rollout')}, ${succeeded} succeeded, ${failed} failed, ${count(rewards, 'reward')}`;
    }
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
