import { describe, expect, it } from 'vitest';
import { ConfigError } from './model-config.ts';
import { readServerConfig } from './server-config.ts';

describe('readServerConfig', () => {
  it('defaults to 127.0.0.1:3000', () => {
    expect(readServerConfig({})).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(readServerConfig({ PORT: '', HOST: ' ' })).toEqual({ port: 3000, host: '127.0.0.1' });
  });

  it('reads PORT and HOST', () => {
    expect(readServerConfig({ PORT: '0', HOST: '::1' })).toEqual({ port: 0, host: '::1' });
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
});
