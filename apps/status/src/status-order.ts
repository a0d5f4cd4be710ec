import type { RolloutStatus } from '@agl/client';

/** Rollout statuses in the order the status views show them: the lifecycle, then the outcomes. */
export const STATUS_DISPLAY_ORDER: readonly RolloutStatus[] = [
  'queuing',
  'preparing',
  'running',
  'requeuing',
  'succeeded',
  'failed',
  'cancelled',
];
