// `agl:eval` against a real agl-server 1.0.2: Post Analyzer runs through AGL's gateway (offline
// model upstream), scored and rewarded with `reward` events on each rollout's attempt.
import { AglServerClient, type Event1 } from '@agl/client';
import { analyzeThroughGateway } from '@agl/mastra-api';
import { startOfflineModel } from '@agl/offline-model';
import { getDatasetPost } from '@agl/post-analyzer';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalCommand } from '../src/cli/eval-command.ts';

const KEY = 'eval-key';
const ANALYZED = ['post-001', 'post-002', 'post-003'] as const;

async function runEvalCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await evalCommand({
    argv,
    env: { AGL_KEY: KEY },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('agl:eval on agl-server 1.0.2', () => {
  const server = useAglServer({ key: KEY });
  let model: Awaited<ReturnType<typeof startOfflineModel>>;
  let client: AglServerClient;
  const rewardsOf = async (id: string): Promise<Event1[]> =>
    client.listEvents(id, { eventType: 'reward' });

  beforeAll(async () => {
    model = await startOfflineModel();
    client = new AglServerClient(server.url, { key: KEY });
    await client.registerModels([{ model: server.gatewayModel, endpoint: model.url }]);
    for (const postId of ANALYZED) {
      const id = `e-${postId}`;
      await client.createRollouts([
        { rollout_id: id, input: { postId, post: getDatasetPost(postId).post } },
      ]);
      await client.claimRollout(id, `attempt-${postId}`);
      await analyzeThroughGateway({
        input: { postId, post: getDatasetPost(postId).post },
        gatewayBaseUrl: client.gatewayBaseUrl(id, `attempt-${postId}`),
        apiKey: KEY,
      });
      await client.finishRollout(id, 'succeeded');
    }
    // Rewarded by its agent already; finished without any model call; still queued.
    await client.createRollouts([
      { rollout_id: 'e-rewarded', input: { postId: 'post-004' } },
      { rollout_id: 'e-no-calls', input: { postId: 'post-005' } },
      { rollout_id: 'e-queued', input: { postId: 'post-006' } },
    ]);
    await client.claimRollout('e-rewarded', '0');
    await client.postReward('e-rewarded', '0', 0.5, { source: 'agent' });
    await client.finishRollout('e-rewarded', 'succeeded');
    await client.claimRollout('e-no-calls', '0');
    await client.finishRollout('e-no-calls', 'failed', 'crashed before calling the model');
  }, 120_000);
  afterAll(async () => {
    await model.close();
  });

  it('dry run: scores the analysed rollouts and posts nothing', async () => {
    const result = await runEvalCli(['--endpoint', server.url, '--dry-run', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      dialect: '1.0',
      dryRun: true,
      scanned: 5,
      matched: 5,
      rewarded: 3,
      alreadyRewarded: 1,
      skipped: 1,
      failed: 0,
    });
    // Every evaluator found the gateway's answer and the dataset labels.
    expect(report.evaluators.map((entry: { applied: number }) => entry.applied)).toEqual([3, 3, 3]);
    expect(Object.keys(report.skipReasons)).toEqual([
      'no answered gateway model call (nothing for a trainer to attach a reward to)',
    ]);
    for (const postId of ANALYZED) expect(await rewardsOf(`e-${postId}`)).toEqual([]);
  });

  it('posts one reward event per analysed rollout on its attempt, and is idempotent', async () => {
    const result = await runEvalCli([
      '--endpoint',
      server.url,
      '--evaluators',
      'ground-truth=0.6,schema=0.4',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ rewarded: 3, alreadyRewarded: 1, skipped: 1, failed: 0 });
    const samples = new Map<string, number>(
      report.samples.map((sample: { rolloutId: string; reward: number }) => [
        sample.rolloutId,
        sample.reward,
      ]),
    );
    for (const postId of ANALYZED) {
      const id = `e-${postId}`;
      const [reward, ...more] = await rewardsOf(id);
      expect(more).toEqual([]);
      expect(reward?.attempt_id).toBe(`attempt-${postId}`);
      expect(reward?.data).toMatchObject({ value: samples.get(id), source: 'agl-eval' });
      expect(reward?.data.reason).toMatch(/^ground-truth \d\.\d{3}, schema \d\.\d{3}$/);
      // AGL's own triplet view (what its trainers read) carries the reward.
      const triplet = await client.listEvents(id, { format: 'triplet' });
      expect(triplet.filter((event) => event.event_type === 'reward')).toHaveLength(1);
      expect(triplet.some((event) => event.event_type === 'model_request')).toBe(true);
    }
    const again = await runEvalCli(['--endpoint', server.url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${server.url} (AGL 1.0)`);
    expect(again.stdout).toMatch(/rewarded\s+0\n/);
    expect(again.stdout).toMatch(/already rewarded\s+4/);
  });

  it('--force adds a second reward event (AGL trainers read the last one)', async () => {
    const result = await runEvalCli([
      '--endpoint',
      server.url,
      '--force',
      '--limit',
      '1',
      '--evaluators',
      'schema=1',
      '--ids',
      'e-post-001',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rewarded: 1, force: true });
    const rewards = await rewardsOf('e-post-001');
    expect(rewards).toHaveLength(2);
    expect(rewards[1]?.data).toMatchObject({ source: 'agl-eval', reason: 'schema 0.800' });
  });

  it('reports unfinished and unknown ids, and rejects 0.x-only statuses', async () => {
    const result = await runEvalCli(['--endpoint', server.url, '--ids', 'e-queued,e-missing']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 × not finished (queuing)');
    expect(result.stdout).toContain('not in the store: e-missing');
    await expect(runEvalCli(['--endpoint', server.url, '--status', 'cancelled'])).rejects.toThrow(
      /no "cancelled" rollouts/,
    );
  });

  it('stops with the reason when the key is wrong', async () => {
    let stdout = '';
    const code = await evalCommand({
      argv: ['--endpoint', server.url, '--evaluators', 'schema=1'],
      env: { AGL_KEY: 'wrong' },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/stopped by an error: .*Set AGL_KEY/);
  });
});
