// `agl:analyze --export` against a real agl-server 1.0.2: AGL's triplets as JSONL training data.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AglServerClient } from '@agl/client';
import { startOfflineModel } from '@agl/offline-model';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../src/cli/analyze-command.ts';

describe('agl:analyze on agl-server 1.0.2', () => {
  const server = useAglServer();
  let model: Awaited<ReturnType<typeof startOfflineModel>>;
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'agl-analyze-1-'));
    model = await startOfflineModel();
    const client = new AglServerClient(server.url);
    await client.registerModels([{ model: server.gatewayModel, endpoint: model.url }]);
    for (const [id, reward] of [
      ['t-1', 0.25],
      ['t-2', 0.75],
    ] as const) {
      await client.createRollouts([{ rollout_id: id, input: { post: id } }]);
      await client.claimRollout(id, '0');
      const call = await fetch(`${client.gatewayBaseUrl(id, '0')}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: `Describe post ${id}` }] }),
      });
      expect(call.status).toBe(200);
      await client.postReward(id, '0', reward);
      await client.finishRollout(id, 'succeeded');
    }
    await client.createRollouts([{ rollout_id: 't-queued', input: { post: 'later' } }]);
  });
  afterAll(async () => {
    await model.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('prints the summary and exports one JSONL line per succeeded rollout', async () => {
    const path = join(directory, 'data.jsonl');
    let stdout = '';
    let stderr = '';
    const code = await analyzeCommand(
      {
        argv: ['--endpoint', server.url, '--export', path],
        env: {},
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
      },
      directory,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('Rollouts: 3 (queuing 1, running 0, succeeded 2, failed 0)');
    expect(stdout).toContain(`Exported 2 succeeded rollouts to ${path}`);
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.rollout_id, line.reward]).sort()).toEqual([
      ['t-1', 0.25],
      ['t-2', 0.75],
    ]);
    for (const line of lines) {
      expect(line.triplets).toHaveLength(1);
      expect(line.triplets[0].response_token_ids.length).toBeGreaterThan(0);
    }
  });
});
