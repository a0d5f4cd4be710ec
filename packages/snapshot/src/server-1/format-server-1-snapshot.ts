import type { Server1Snapshot } from './collect-server-1-snapshot.ts';

function fixed(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

/** The plain-text status report of an AGL 1.x server. Pure. */
export function formatServer1Snapshot(snapshot: Server1Snapshot): string {
  const { byState, rewards } = snapshot;
  const lines = [
    `AGL 1.0 (agl-server) at ${snapshot.endpoint} — ${snapshot.takenAt}`,
    `Rollouts: ${snapshot.total} (queuing ${byState.queuing}, running ${byState.running}, succeeded ${byState.succeeded}, failed ${byState.failed})`,
    `Gateway model calls: ${snapshot.modelCalls}${snapshot.failedModelCalls > 0 ? ` (${snapshot.failedModelCalls} failed)` : ''} in the ${snapshot.examined} latest rollouts`,
    `Rewards: ${rewards.count} (mean ${fixed(rewards.mean)}, min ${fixed(rewards.min)}, max ${fixed(rewards.max)})`,
    `Training-ready (succeeded, with gateway calls and a reward): ${snapshot.trainingReady}`,
    'AGL 1.0 keeps no spans: data comes from its gateway (model_request events) and reward events.',
  ];
  if (snapshot.recent.length > 0) {
    lines.push('', 'Latest rollouts:');
    for (const rollout of snapshot.recent) {
      const reward = rollout.reward === null ? 'no reward' : `reward ${rollout.reward}`;
      const error = rollout.error ? `  ${rollout.error}` : '';
      lines.push(
        `  ${rollout.rolloutId}  ${rollout.state.padEnd(9)}  ${rollout.isTrain ? 'train' : 'val  '}  ${rollout.modelCalls} calls  ${reward}${error}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
