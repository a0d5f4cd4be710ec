import { describe, expect, it } from 'vitest';
import { readAglEnv } from './config.ts';

describe('readAglEnv', () => {
  it('is off when AGL_ENABLED is unset', () => {
    const result = readAglEnv({});
    expect(result).toEqual({
      ok: true,
      config: {
        enabled: false,
        exporter: { endpoint: 'http://localhost:4747' },
        isolated: false,
        checkOnStart: true,
      },
    });
  });

  it('reads every setting', () => {
    const result = readAglEnv({
      AGL_ENABLED: 'true',
      AGL_ENDPOINT: 'http://127.0.0.1:5000/',
      AGL_DIALECT: '0.3',
      AGL_EXPORT_SCOPE: 'trace',
      AGL_ROLLOUT_MODE: 'train',
      AGL_TRANSPORT: 'rest',
      AGL_MAX_QUEUE_SPANS: '100',
      AGL_MAX_QUEUE_BYTES: '1000000',
      AGL_MAX_BATCH_SPANS: '50',
      AGL_MAX_CONCURRENT_REQUESTS: '4',
      AGL_MAX_HOLD_MS: '5000',
      AGL_RUN_TIMEOUT_MS: '60000',
      AGL_FLUSH_TIMEOUT_MS: '2000',
      AGL_SHUTDOWN_TIMEOUT_MS: '3000',
      AGL_ROLLOUT_METADATA: '{"team":"growth"}',
      AGL_ISOLATED_PROVIDER: 'yes',
      AGL_STARTUP_CHECK: 'off',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        enabled: true,
        exporter: {
          endpoint: 'http://127.0.0.1:5000',
          dialect: '0.3',
          scope: 'trace',
          mode: 'train',
          transport: 'rest',
          maxQueueSpans: 100,
          maxQueueBytes: 1_000_000,
          maxBatchSpans: 50,
          maxConcurrentRequests: 4,
          maxHoldMs: 5000,
          runTimeoutMs: 60_000,
          flushTimeoutMs: 2000,
          shutdownTimeoutMs: 3000,
          metadata: { team: 'growth' },
        },
        isolated: true,
        checkOnStart: false,
      },
    });
  });

  it('names each invalid variable and the accepted values', () => {
    const result = readAglEnv({
      AGL_ENABLED: 'maybe',
      AGL_ENDPOINT: 'localhost:4747',
      AGL_DIALECT: '1.0',
      AGL_MAX_QUEUE_SPANS: '-3',
      AGL_ROLLOUT_METADATA: '[1]',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^AGL_ENABLED="maybe" is not a boolean: use one of 1, true, yes, on, 0, false, no, off$/,
      ),
      expect.stringMatching(/^AGL_ENDPOINT="localhost:4747" is not an http\(s\) URL/),
      expect.stringMatching(/^AGL_DIALECT="1.0" is not accepted: use one of auto, 0.2, 0.3$/),
      expect.stringMatching(/^AGL_MAX_QUEUE_SPANS="-3" must be a whole number greater than 0$/),
      expect.stringMatching(/^AGL_ROLLOUT_METADATA must be a JSON object/),
    ]);
  });

  it('bounds every *_MS variable below the timer limit, naming it', () => {
    const result = readAglEnv({
      AGL_MAX_HOLD_MS: '99999999999',
      AGL_RUN_TIMEOUT_MS: '1e300',
      AGL_FLUSH_TIMEOUT_MS: '600001',
      AGL_SHUTDOWN_TIMEOUT_MS: '2147483648',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'AGL_MAX_HOLD_MS="99999999999" must be a whole number of milliseconds from 1 to 600,000',
      'AGL_RUN_TIMEOUT_MS="1e300" must be a whole number of milliseconds from 1 to 2,147,483,647',
      'AGL_FLUSH_TIMEOUT_MS="600001" must be a whole number of milliseconds from 1 to 600,000',
      'AGL_SHUTDOWN_TIMEOUT_MS="2147483648" must be a whole number of milliseconds from 1 to 600,000',
    ]);
    const longest = readAglEnv({
      AGL_RUN_TIMEOUT_MS: '2147483647',
      AGL_FLUSH_TIMEOUT_MS: '600000',
    });
    expect(longest.ok).toBe(true);
  });
});

describe('readAglEnv production controls', () => {
  it('reads sampling, span filter, run context and export mode', () => {
    const result = readAglEnv({
      AGL_SAMPLE_RATE: '0.25',
      AGL_DROP_SPANS: 'model_chunks, fs.*',
      AGL_ENVIRONMENT: 'production',
      AGL_RELEASE: ' 1.4.2 ',
      AGL_TAGS: 'eu,beta',
      AGL_EXPORT_MODE: 'immediate',
    });
    expect(result.ok && result.config.exporter).toMatchObject({
      sampleRate: 0.25,
      dropSpans: ['model_chunks', 'fs.*'],
      runContext: { environment: 'production', release: '1.4.2', tags: ['eu', 'beta'] },
      exportMode: 'immediate',
    });
  });

  it('leaves the controls off when their variables are unset or empty', () => {
    const result = readAglEnv({ AGL_SAMPLE_RATE: '', AGL_TAGS: ' ' });
    expect(result.ok && result.config.exporter).toEqual({ endpoint: 'http://localhost:4747' });
  });

  it('names each bad value and what to write instead', () => {
    const result = readAglEnv({
      AGL_SAMPLE_RATE: '10%',
      AGL_DROP_SPANS: ',,',
      AGL_EXPORT_MODE: 'fast',
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        'AGL_SAMPLE_RATE="10%" must be a number from 0 to 1, e.g. 0.1 to keep one run in ten',
        'AGL_DROP_SPANS=",," must be a comma-separated list such as a,b',
        'AGL_EXPORT_MODE="fast" is not accepted: use one of batched, immediate',
      ],
    });
  });

  it('accepts the edges of the sample rate', () => {
    expect(readAglEnv({ AGL_SAMPLE_RATE: '0' })).toMatchObject({ ok: true });
    expect(readAglEnv({ AGL_SAMPLE_RATE: '1' })).toMatchObject({ ok: true });
    expect(readAglEnv({ AGL_SAMPLE_RATE: '1.5' })).toMatchObject({ ok: false });
  });
});
