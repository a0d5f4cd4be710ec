import { describe, expect, it } from 'vitest';
import type { Server1Snapshot } from './collect-server-1-snapshot.ts';
import { server1DashboardSnapshot } from './dashboard-snapshot.ts';

const base: Server1Snapshot = {
  version: '1.0',
  endpoint: 'http://127.0.0.1:8080',
  takenAt: '2026-01-01T00:00:10.000Z',
  byState: { queuing: 1, running: 1, succeeded: 3, failed: 1 },
  total: 6,
  examined: 6,
  examinedFinished: 4,
  rewards: { count: 3, mean: 0.5, min: 0, max: 1 },
  modelCalls: 7,
  failedModelCalls: 0,
  trainingReady: 2,
  recent: [
    {
      rolloutId: 'r-run',
      state: 'running',
      isTrain: false,
      agent: null,
      createdAt: 1_767_225_600,
      updatedAt: 1_767_225_605,
      error: null,
      modelCalls: 0,
      failedModelCalls: 0,
      reward: null,
      rewardEvents: 0,
      promptTokens: 0,
      completionTokens: 0,
    },
    {
      rolloutId: 'r-done',
      state: 'succeeded',
      isTrain: true,
      agent: 'postAnalyzer',
      createdAt: 1_767_225_600,
      updatedAt: 1_767_225_602.5,
      error: null,
      modelCalls: 2,
      failedModelCalls: 0,
      reward: 0.75,
      rewardEvents: 1,
      promptTokens: 120,
      completionTokens: 30,
    },
  ],
};

describe('server1DashboardSnapshot', () => {
  it('maps states, rewards readiness and rollouts into the dashboard shape', () => {
    const now = 1_767_225_610_000;
    const snapshot = server1DashboardSnapshot(base, 4.2, now);
    expect(snapshot).toMatchObject({
      dialect: '1.0',
      reachable: true,
      latencyMs: 4.2,
      takenAt: Date.parse(base.takenAt),
      totalRollouts: 6,
      totalSpans: null,
      rewards: { withReward: 2, target: 500, checked: 4, finished: 4 },
    });
    expect(snapshot.byStatus).toMatchObject({ queuing: 1, running: 1, succeeded: 3, failed: 1 });
    expect(snapshot.byStatus.cancelled).toBe(0);
    const [running, done] = snapshot.recent;
    expect(running).toMatchObject({
      status: 'running',
      mode: 'val',
      endedAt: null,
      durationMs: 10_000,
      inputTokens: null,
      spanCount: null,
    });
    expect(done).toMatchObject({
      agent: 'postAnalyzer',
      mode: 'train',
      endedAt: 1_767_225_602_500,
      durationMs: 2_500,
      inputTokens: 120,
      outputTokens: 30,
      reward: 0.75,
      attempts: 1,
    });
  });
});
