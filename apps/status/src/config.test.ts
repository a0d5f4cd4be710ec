import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CONFIG,
  describeConfig,
  isLoopbackHost,
  parseConfig,
} from './config.ts';

describe('parseConfig', () => {
  it('uses the defaults for an empty environment', () => {
    expect(parseConfig({})).toEqual(DEFAULT_CONFIG);
    expect(DEFAULT_CONFIG).toMatchObject({
      endpoint: 'http://localhost:4747',
      port: 4748,
      host: '127.0.0.1',
      token: null,
    });
  });

  it('reads every variable', () => {
    expect(
      parseConfig({
        AGL_ENDPOINT: 'http://10.0.0.5:4747/',
        AGL_STATUS_PORT: '9000',
        AGL_STATUS_HOST: '0.0.0.0',
        AGL_STATUS_TOKEN: 'abcdefghijklmnopqrstuvwxyz',
        AGL_STATUS_POLL_MS: '500',
        AGL_KEY: 'server-key',
      }),
    ).toEqual({
      endpoint: 'http://10.0.0.5:4747',
      port: 9000,
      host: '0.0.0.0',
      token: 'abcdefghijklmnopqrstuvwxyz',
      pollIntervalMs: 500,
      key: 'server-key',
    });
  });

  it.each([
    ['AGL_ENDPOINT', 'localhost:4747', 'use e.g. http://localhost:4747'],
    ['AGL_ENDPOINT', 'not a url', 'not a URL'],
    ['AGL_ENDPOINT', 'ftp://host', 'not an http(s) URL'],
    ['AGL_ENDPOINT', 'http://host?x=1', 'has a ?query or #fragment'],
    ['AGL_STATUS_PORT', '70000', 'from 1 to 65535'],
    ['AGL_STATUS_PORT', '80a', 'not a port'],
    ['AGL_STATUS_HOST', 'my host', 'not a host name'],
    ['AGL_STATUS_TOKEN', 'short', 'at least 16 characters'],
    ['AGL_STATUS_TOKEN', 'has a space in the token', 'spaces'],
    ['AGL_STATUS_POLL_MS', '10', 'from 200 to 600000'],
  ])('rejects %s=%s, naming the variable', (variable, value, text) => {
    let error: unknown;
    try {
      parseConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${variable}: `));
    expect((error as ConfigError).message).toContain(text);
  });

  it('never echoes a rejected token', () => {
    expect(() => parseConfig({ AGL_STATUS_TOKEN: 'tiny' })).toThrow(/^((?!tiny).)*$/s);
  });
});

describe('describeConfig', () => {
  it('hides the token and endpoint credentials', () => {
    const described = describeConfig({
      ...DEFAULT_CONFIG,
      endpoint: 'http://user:pw@localhost:4747',
      token: 'abcdefghijklmnopqrstuvwxyz',
      key: 'secret-server-key',
    });
    expect(JSON.stringify(described)).not.toMatch(/abcdefghij|pw@|secret-server-key/);
    expect(described).toMatchObject({
      token: 'set (hidden)',
      endpoint: 'http://localhost:4747',
      aglKey: 'set (hidden)',
    });
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].every(isLoopbackHost)).toBe(
      true,
    );
    expect(['0.0.0.0', '10.0.0.1', 'example.com'].some(isLoopbackHost)).toBe(false);
  });
});
