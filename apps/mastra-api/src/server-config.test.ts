import { ConfigError } from '@agl/post-analyzer';
import { describe, expect, it } from 'vitest';
import { readServerConfig } from './server-config.ts';

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:3000', () => {
    const defaults = { port: 3000, host: '127.0.0.1', token: null, maxBodyBytes: 1_048_576 };
    expect(readServerConfig({})).toEqual(defaults);
    expect(readServerConfig({ PORT: '', HOST: ' ', API_TOKEN: ' ' })).toEqual(defaults);
  });

  it('reads PORT and HOST', () => {
    expect(readServerConfig({ PORT: '0', HOST: '::1' })).toMatchObject({ port: 0, host: '::1' });
    expect(readServerConfig({ PORT: '65535' }).port).toBe(65_535);
  });

  it.each(['-1', '65536', '3000.5', 'http', '1e3'])(
    'rejects PORT=%s naming the variable',
    (port) => {
      expect(() => readServerConfig({ PORT: port })).toThrow(ConfigError);
      expect(() => readServerConfig({ PORT: port })).toThrow(/^PORT must be a whole number/);
    },
  );

  it('rejects a HOST with spaces', () => {
    expect(() => readServerConfig({ HOST: 'my host' })).toThrow('HOST must be');
  });

  it('reads API_TOKEN and MAX_BODY_BYTES', () => {
    expect(readServerConfig({ API_TOKEN: 's3cret', MAX_BODY_BYTES: '2048' })).toMatchObject({
      token: 's3cret',
      maxBodyBytes: 2048,
    });
  });

  it.each(['0', '-5', '1e6', '99999999999'])(
    'rejects MAX_BODY_BYTES=%s naming the variable',
    (value) => {
      expect(() => readServerConfig({ MAX_BODY_BYTES: value })).toThrow(/^MAX_BODY_BYTES must be/);
    },
  );
});
