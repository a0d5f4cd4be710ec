import type {
  RunFinishedEvent,
  ServerWorkerEvent,
  WorkerEvent,
  WorkerWarningEvent,
} from '@agl/worker';

/** One log line per worker event (AGL 0.2 / 0.3 store). */
export function formatWorkerEvent(event: WorkerEvent): string {
  const who = `[${event.workerId}]`;
  switch (event.type) {
    case 'started':
      return `${who} started (concurrency ${event.concurrency})`;
    case 'dequeued':
      return `${who} ${event.rolloutId} attempt ${event.attemptNumber} started${event.mode === null ? '' : ` (${event.mode})`}`;
    case 'finished':
    case 'warning':
      return formatRunEvent(event);
    case 'draining':
      return `${who} draining: waiting up to ${event.timeoutMs / 1000} s for ${count(event.active, 'run')}`;
    case 'stopped': {
      const { dequeued, succeeded, failed, rewards } = event.stats;
      return `${who} stopped: ${count(dequeued, 'rollout')}, ${succeeded} succeeded, ${failed} failed, ${count(rewards, 'reward')}`;
    }
  }
}

/** One log line per AGL 1.0 worker event. */
export function formatServerWorkerEvent(event: ServerWorkerEvent): string {
  const who = `[${event.workerId}]`;
  switch (event.type) {
    case 'claimed':
      return `${who} ${event.rolloutId} claimed as attempt ${event.attemptId} (${event.mode})`;
    case 'finished':
    case 'warning':
      return formatRunEvent(event);
    case 'stopped': {
      const { claimed, succeeded, failed, rewards, lostClaims } = event.stats;
      return `${who} stopped: ${claimed} claimed (${lostClaims} taken by others first), ${succeeded} succeeded, ${failed} failed, ${rewards} rewards`;
    }
  }
}

function formatRunEvent(event: RunFinishedEvent | WorkerWarningEvent): string {
  const who = `[${event.workerId}]`;
  if (event.type === 'warning') {
    return `${who} warning${event.rolloutId === undefined ? '' : ` (${event.rolloutId})`}: ${event.message}`;
  }
  const head = `${who} ${event.rolloutId} ${event.status} in ${event.durationMs} ms`;
  if (event.status === 'failed') return `${head}: ${event.error ?? 'unknown error'}`;
  return event.reward === null ? `${head}, no reward` : `${head}, reward ${event.reward}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
