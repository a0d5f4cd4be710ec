import type { ServerWorkerEvent } from '@agl/worker';

/** One log line per AGL 1.0 worker event. */
export function formatServerWorkerEvent(event: ServerWorkerEvent): string {
  const who = `[${event.workerId}]`;
  switch (event.type) {
    case 'claimed':
      return `${who} ${event.rolloutId} claimed as attempt ${event.attemptId} (${event.mode})`;
    case 'finished': {
      const head = `${who} ${event.rolloutId} ${event.status} in ${event.durationMs} ms`;
      if (event.status === 'failed') return `${head}: ${event.error ?? 'unknown error'}`;
      return event.reward === null ? `${head}, no reward` : `${head}, reward ${event.reward}`;
    }
    case 'warning':
      return `${who} warning${event.rolloutId === undefined ? '' : ` (${event.rolloutId})`}: ${event.message}`;
    case 'stopped': {
      const { claimed, succeeded, failed, rewards, lostClaims } = event.stats;
      return `${who} stopped: ${claimed} claimed (${lostClaims} taken by others first), ${succeeded} succeeded, ${failed} failed, ${rewards} rewards`;
    }
  }
}
