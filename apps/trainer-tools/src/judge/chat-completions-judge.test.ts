import { startOfflineModel } from '@agl/offline-model';
import { JUDGE_ANSWER_SCHEMA, parseJudgement } from '@agl/rewards';
import { freePort } from '@agl/testkit';
import { describe, expect, it } from 'vitest';
import { createChatCompletionsJudge } from './chat-completions-judge.ts';
import { openJudgeModel } from './open-judge-model.ts';

const request = {
  system: 'Grade the answer.',
  user: 'Task: say hi. Answer: hi',
  schemaName: 'judgement',
  schema: JUDGE_ANSWER_SCHEMA,
};

describe('the judge model', () => {
  it('without a configured model runs the offline one, which answers schema-valid JSON', async () => {
    const judge = await openJudgeModel({});
    try {
      expect(judge.description).toMatch(
        /^judge model: agl-offline-1, the OFFLINE deterministic model \(no AGL_LLM_API_KEY/,
      );
      const { score } = parseJudgement(await judge.model.complete(request));
      expect(Number.isInteger(score) && score >= 0 && score <= 10).toBe(true);
    } finally {
      await judge.close();
    }
  });

  it('uses a configured model as is', async () => {
    const judge = await openJudgeModel({
      AGL_LLM_BASE_URL: 'http://127.0.0.1:9/v1',
      AGL_LLM_MODEL: 'qwen',
    });
    expect(judge.model.id).toBe('qwen');
    expect(judge.description).toBe('judge model: qwen at http://127.0.0.1:9/v1');
    await judge.close();
  });

  it('explains HTTP errors and unreachable servers', async () => {
    const server = await startOfflineModel({ port: 0 });
    try {
      const wrongPath = createChatCompletionsJudge({
        baseUrl: `${server.url}/nope`,
        apiKey: 'k',
        model: 'm',
      });
      await expect(wrongPath.complete(request)).rejects.toThrow(
        new RegExp(`^the judge model at ${server.url}/nope/chat/completions answered HTTP 404: `),
      );
    } finally {
      await server.close();
    }
    const port = await freePort();
    const unreachable = createChatCompletionsJudge({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      apiKey: 'k',
      model: 'm',
    });
    await expect(unreachable.complete(request)).rejects.toThrow(
      `the judge model at http://127.0.0.1:${port}/v1/chat/completions cannot be reached`,
    );
  });
});
