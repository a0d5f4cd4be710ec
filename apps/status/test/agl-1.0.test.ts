// `agl:status` against a real agl-server 1.0.2 (with a key).
import { AglServerClient } from '@agl/client';
import { useAglServer } from '@agl/testkit/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStatusCli } from '../src/cli/status.ts';

describe('agl:status on agl-server 1.0.2', () => {
  const server = useAglServer({ key: 'status-key' });

  beforeAll(async () => {
    const client = new AglServerClient(server.url, { key: 'status-key' });
    await client.createRollouts([
      { rollout_id: 's-1', input: { post: 'a' } },
      { rollout_id: 's-2', input: { post: 'b' } },
    ]);
    await client.claimRollout('s-1', '0');
    await client.postReward('s-1', '0', 1);
    await client.finishRollout('s-1', 'succeeded');
  });

  it('reports rollouts by state and rewards, as text and JSON', async () => {
    const env = { AGL_KEY: 'status-key' };
    const text = await runStatusCli(['--endpoint', server.url], env);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toContain(`AGL 1.0 (agl-server) at ${server.url}`);
    expect(text.stdout).toContain('Rollouts: 2 (queuing 1, running 0, succeeded 1, failed 0)');
    expect(text.stdout).toContain('Rewards: 1 (mean 1.000');
    const json = await runStatusCli(['--json', '--endpoint', server.url], env);
    expect(JSON.parse(json.stdout)).toMatchObject({
      version: '1.0',
      total: 2,
      rewards: { count: 1 },
    });
  });

  it('says to set AGL_KEY when the server demands one', async () => {
    const result = await runStatusCli(['--endpoint', server.url], {});
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Set AGL_KEY/);
  });
});
