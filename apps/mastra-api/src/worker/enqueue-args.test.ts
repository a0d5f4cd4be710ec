import { describe, expect, it } from 'vitest';
import { parseEnqueueArgs, parseRolloutConfig } from './enqueue-args.ts';

describe('parseEnqueueArgs', () => {
  it('has defaults', () => {
    expect(parseEnqueueArgs([], {})).toEqual({
      help: false,
      endpoint: 'http://localhost:4747',
      mode: 'train',
      limit: undefined,
      ids: undefined,
      config: undefined,
      resourcesId: undefined,
      wait: false,
      waitTimeoutMs: 600_000,
    });
  });

  it('reads every flag', () => {
    expect(
      parseEnqueueArgs(
        [
          '--mode=val',
          '--limit=5',
          '--ids=post-001, post-003,',
          '--config={"max_attempts":2,"retry_condition":["failed"],"timeout_seconds":null}',
          '--resources-id=rs-abc',
          '--wait',
          '--wait-timeout=30',
        ],
        { AGL_ENDPOINT: 'http://store:1' },
      ),
    ).toEqual({
      help: false,
      endpoint: 'http://store:1',
      mode: 'val',
      limit: 5,
      ids: ['post-001', 'post-003'],
      config: { max_attempts: 2, retry_condition: ['failed'], timeout_seconds: null },
      resourcesId: 'rs-abc',
      wait: true,
      waitTimeoutMs: 30_000,
    });
  });

  it.each([
    [['--mode', 'eval'], /--mode must be train, val, test, got "eval"/],
    [['--limit', '0'], /--limit must be a whole number ≥ 1/],
    [['--ids', ' , '], /--ids must list at least one post id/],
    [['--resources-id', 'a/b'], /--resources-id/],
    [['--wait-timeout', 'x'], /--wait-timeout/],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parseEnqueueArgs(argv, {})).toThrow(message);
  });
});

describe('parseRolloutConfig', () => {
  it.each([
    ['{', /--config must be JSON/],
    ['[1]', /--config must be a JSON object/],
    ['{"max_attempt":2}', /unknown key "max_attempt"/],
    ['{"max_attempts":0}', /max_attempts must be a whole number ≥ 1/],
    ['{"retry_condition":["broken"]}', /retry_condition must be a list of preparing/],
    ['{"unresponsive_seconds":-2}', /unresponsive_seconds must be seconds > 0 or null/],
  ])('rejects %s', (text, message) => {
    expect(() => parseRolloutConfig(text)).toThrow(message);
  });

  it('keeps the keys given', () => {
    expect(parseRolloutConfig('{"unresponsive_seconds":2.5}')).toEqual({
      unresponsive_seconds: 2.5,
    });
  });
});
