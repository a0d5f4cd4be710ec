import type { RolloutStatus } from '@agl/client';

/** Terminal colour per rollout status: green done, red failed, cyan running, yellow waiting. */
export const STATUS_COLORS: Record<RolloutStatus, string> = {
  queuing: 'yellow',
  requeuing: 'yellow',
  preparing: 'blue',
  running: 'cyan',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

/** Attempt statuses share the rollout palette where they overlap. */
export function attemptStatusColor(status: string): string {
  if (status === 'timeout' || status === 'unresponsive') return 'magenta';
  return STATUS_COLORS[status as RolloutStatus] ?? 'white';
}
