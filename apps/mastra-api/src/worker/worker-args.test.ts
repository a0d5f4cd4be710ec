import { describe, expect, it } from 'vitest';
import { parseWorkerArgs } from './worker-args.ts';

describe('parseWorkerArgs', () => {
  it('has defaults, with the endpoint from AGL_ENDPOINT', () => {
    expect(parseWorkerArgs([], { AGL_ENDPOINT: 'http://store:4747' }, 42)).toEqual({
      help: false,
      endpoint: 'http://store:4747',
      workers: 1,
      concurrency: 1,
      pollIntervalMs: 2_000,
      workerIds: ['worker-42'],
      maxRollouts: undefined,
      drainTimeoutMs: 30_000,
      heartbeatIntervalMs: 10_000,
      llmResource: undefined,
      promptResource: undefined,
    });
    expect(parseWorkerArgs([], {}, 1).endpoint).toBe('http://localhost:4747');
  });

  it('reads every flag and numbers the worker ids of several loops', () => {
    const args = parseWorkerArgs(
      [
        '--endpoint=http://127.0.0.1:4747',
        '--workers=3',
        '--concurrency=2',
        '--poll-interval=0.5',
        '--worker-id=gpu-box',
        '--max-rollouts=20',
        '--drain-timeout=5',
        '--heartbeat-interval=2.5',
        '--llm-resource=main_llm',
        '--prompt-resource=analysis_prompt',
      ],
      {},
    );
    expect(args).toMatchObject({
      endpoint: 'http://127.0.0.1:4747',
      workers: 3,
      concurrency: 2,
      pollIntervalMs: 500,
      workerIds: ['gpu-box-1', 'gpu-box-2', 'gpu-box-3'],
      maxRollouts: 20,
      drainTimeoutMs: 5_000,
      heartbeatIntervalMs: 2_500,
      llmResource: 'main_llm',
      promptResource: 'analysis_prompt',
    });
  });

  it.each([
    [['--workers', '0'], /--workers must be a whole number ≥ 1, got "0"/],
    [['--workers', '2000'], /--workers must be at most 64, got "2000"/],
    [['--concurrency', '1000'], /--concurrency must be at most 64/],
    [['--drain-timeout', '1e300'], /--drain-timeout must be at most 3600 seconds, got "1e300"/],
    [['--poll-interval', '99999999999'], /--poll-interval must be at most 3600 seconds/],
    [['--concurrency', 'two'], /--concurrency must be a whole number/],
    [['--max-rollouts', '1.5'], /--max-rollouts/],
    [['--poll-interval', '0'], /--poll-interval must be a number of seconds > 0/],
    [['--drain-timeout', 'soon'], /--drain-timeout/],
    [['--heartbeat-interval', '-1'], /--heartbeat-interval/],
    [['--worker-id', 'a b'], /--worker-id must be non-empty/],
    [['--endpoint', 'localhost:4747'], /--endpoint "localhost:4747" is not an http\(s\) URL/],
    [['--endpoint', 'nope'], /--endpoint "nope" is not a URL/],
    [['--llm-resource', ''], /--llm-resource must not be empty/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /extra/],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseWorkerArgs(argv, {})).toThrow(message);
  });

  it('names AGL_ENDPOINT when that is what is wrong', () => {
    expect(() => parseWorkerArgs([], { AGL_ENDPOINT: 'not a url' })).toThrow(
      /AGL_ENDPOINT "not a url" is not a URL/,
    );
  });
});
