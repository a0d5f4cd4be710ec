import { describe, expect, it } from 'vitest';
import { hex, rewardSpan, span } from '../../test/support/spans.ts';
import { traceToTriplets } from './trace-to-triplets.ts';

const LLM = 'openai.chat.completion';

/** agent → [call 1 → tool → sub-agent → call 2, call 3] */
function run() {
  return [
    span('c2', 's', LLM, [2, 3], { 'gen_ai.response.id': 'r2', prompt_token_ids: [1, 2] }),
    span('s', 't', 'invoke_agent helper', [1.5, 3.5], { 'agent.name': 'helper' }),
    span('t', 'c1', 'execute_tool ask', [1.2, 3.8]),
    span('c1', 'a', LLM, [1, 4], { 'gen_ai.response.id': 'r1' }),
    span('c3', 'a', LLM, [5, 6], {
      'gen_ai.response.id': 'r3',
      prompt_token_ids: [7],
      response_token_ids: [8, 9],
      'logprobs.content': '[{"token":"x","logprob":0}]',
    }),
    span('a', null, 'invoke_agent main', [0, 7], { 'agent.name': 'main' }),
  ];
}

const ids = (calls: ReturnType<typeof traceToTriplets>) => calls.map((call) => call.span.span_id);

describe.each(['0.2', '0.3'] as const)('traceToTriplets (AGL %s)', (version) => {
  it('lists LLM calls in tree order with the nearest agent name, without rewards', () => {
    const calls = traceToTriplets(run(), version);
    expect(ids(calls)).toEqual([hex('c1'), hex('c2'), hex('c3')]);
    expect(calls.map((call) => call.triplet.metadata)).toEqual([
      { response_id: 'r1', agent_name: 'main' },
      { response_id: 'r2', agent_name: 'helper' },
      { response_id: 'r3', agent_name: 'main' },
    ]);
    expect(calls[2]?.triplet).toEqual({
      prompt: { token_ids: [7] },
      response: { token_ids: [8, 9], logprobs: [{ token: 'x', logprob: 0 }] },
      reward: null,
      metadata: { response_id: 'r3', agent_name: 'main' },
    });
    expect(calls[0]?.triplet.prompt.token_ids).toEqual([]);
  });

  it('gives a reward to the last LLM call that ended before it', () => {
    const calls = traceToTriplets([...run(), rewardSpan('rw', 'a', 8, 0.7)], version);
    expect(calls.map((call) => call.triplet.reward)).toEqual([null, null, 0.7]);
  });

  it('gives a second reward to the call before, since the last one already has one', () => {
    const calls = traceToTriplets(
      [...run(), rewardSpan('rw', 'a', 8, 0.7), rewardSpan('rx', 'a', 9, 0.1)],
      version,
    );
    expect(calls.map((call) => call.triplet.reward)).toEqual([null, 0.1, 0.7]);
  });

  it('drops a reward that starts before the calls end', () => {
    const calls = traceToTriplets([...run(), rewardSpan('rw', 'a', 0.5, 1)], version);
    expect(calls.map((call) => call.triplet.reward)).toEqual([null, null, null]);
  });

  it('counts a response id once and skips calls under a reward span', () => {
    const calls = traceToTriplets(
      [
        span('a', null, 'agent', [0, 9], { 'agent.name': 'main' }),
        span('x', 'a', LLM, [1, 2], { 'gen_ai.response.id': 'same' }),
        span('y', 'x', LLM, [1, 2], { 'gen_ai.response.id': 'same' }),
        span('n', 'x', LLM, [1, 2]),
        rewardSpan('rw', 'a', 3, 1),
        span('z', hex('rw').replace(/^0+/, ''), LLM, [3, 3], { 'gen_ai.response.id': 'z' }),
      ],
      version,
    );
    expect(ids(calls)).toEqual([hex('x')]);
  });

  it('labels calls outside any agent with *', () => {
    const calls = traceToTriplets([span('x', null, LLM, [0, 1])], version);
    expect(calls[0]?.triplet.metadata.agent_name).toBe('*');
    expect(traceToTriplets([], version)).toEqual([]);
  });
});
