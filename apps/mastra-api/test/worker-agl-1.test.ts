// The worker pattern on AGL 1.0: agl:enqueue + agl:worker against a real agl-server 1.0.2, the
// offline model registered as the gateway's upstream (this test plays the trainer).
import { AglServerClient } from '@agl/client';
import { type OfflineModel, startOfflineModel } from '@agl/offline-model';
import { useAglServer } from '@agl/testkit/vitest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, killAll, runCli } from './support/cli-process.ts';

const KEY = 'worker-test-key';

describe('the worker pattern against agl-server 1.0.2', () => {
  const server = useAglServer({ key: KEY });
  let model: OfflineModel;
  let client: AglServerClient;
  const processes: CliProcess[] = [];

  beforeAll(async () => {
    model = await startOfflineModel({ port: 0 });
    client = new AglServerClient(server.url, { key: KEY });
    await client.registerModels([{ model: server.gatewayModel, endpoint: model.url }]);
  });
  afterEach(async () => {
    await killAll(processes.splice(0));
  });
  afterAll(async () => {
    await model?.close();
  });

  it('runs 6 enqueued posts on 2 worker processes: all succeed with gateway-recorded calls and a reward', async () => {
    for (const id of ['one', 'two']) {
      processes.push(
        runCli(
          'src/worker/cli-worker.ts',
          ['--endpoint', server.url, '--worker-id', id, '--poll-interval', '0.2'],
          {
            AGL_KEY: KEY,
          },
        ),
      );
    }
    const enqueue = runCli(
      'src/worker/cli-enqueue.ts',
      [
        '--endpoint',
        server.url,
        '--limit',
        '6',
        '--mode',
        'train',
        '--wait',
        '--wait-timeout',
        '90',
      ],
      { AGL_KEY: KEY },
    );
    expect(await enqueue.exited, enqueue.output()).toEqual({ code: 0, signal: null });
    expect(enqueue.output()).toContain('Enqueued 6 train rollouts into AGL 1.0');
    expect(enqueue.output()).toContain('Rollouts: 6 succeeded');
    const ids = [...enqueue.output().matchAll(/^ {2}(\S+) {2}post-\d+$/gm)].map(
      (match) => match[1] as string,
    );
    expect(ids).toHaveLength(6);

    // A worker still booting has no signal handler yet: stop each only once it is connected.
    for (const worker of processes) {
      const deadline = Date.now() + 60_000;
      while (!worker.output().includes('Worker connected to AGL 1.0') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      worker.child.kill('SIGTERM');
    }
    for (const worker of processes) {
      expect(await worker.exited, worker.output()).toEqual({ code: 0, signal: null });
      expect(worker.output()).toContain('Worker connected to AGL 1.0');
    }

    for (const id of ids) {
      const detail = await client.getRollout(id);
      expect(detail?.rollout.status.state).toBe('succeeded');
      const events = await client.listEvents(id);
      const calls = events.filter((event) => event.event_type === 'model_request');
      const rewards = events.filter((event) => event.event_type === 'reward');
      expect(calls.length).toBeGreaterThan(0);
      for (const call of calls) {
        expect(call.data.http_status).toBe(200);
        const request = call.data.request as Record<string, unknown>;
        expect(request).toMatchObject({ return_token_ids: true, logprobs: true });
        expect(request.stream ?? false).toBe(false);
      }
      expect(rewards).toHaveLength(1);
      expect(rewards[0]?.data.value).toEqual(expect.any(Number));
      const triplets = await client.listEvents(id, {
        format: 'triplet',
        eventType: 'model_request',
      });
      for (const triplet of triplets) {
        expect((triplet.data.prompt_token_ids as number[]).length).toBeGreaterThan(0);
        expect((triplet.data.response_token_ids as number[]).length).toBeGreaterThan(0);
      }
    }
  }, 150_000);
});
