import { describe, expect, it } from 'vitest';
import { healthPath, parseAglVersion, parseAnyAglVersion } from './agl-versions.ts';

describe('parseAglVersion', () => {
  it('accepts short and full forms', () => {
    expect(parseAglVersion('0.2')).toBe('0.2.2');
    expect(parseAglVersion(' 0.3.0 ')).toBe('0.3.0');
  });

  it('names the accepted values when the version is unknown', () => {
    expect(() => parseAglVersion('1.0')).toThrow(
      /Unsupported AGL version "1.0".*0\.2, 0\.2\.2, 0\.3, 0\.3\.0/,
    );
  });

  it('knows each dialect health route', () => {
    expect(healthPath('0.2.2')).toBe('/health');
    expect(healthPath('0.3.0')).toBe('/v1/agl/health');
  });
});

describe('parseAnyAglVersion', () => {
  it('accepts the agl-server release next to the store releases', () => {
    expect(parseAnyAglVersion('1.0')).toBe('1.0.2');
    expect(parseAnyAglVersion('1.0.2 ')).toBe('1.0.2');
    expect(parseAnyAglVersion('0.3')).toBe('0.3.0');
  });

  it('names every accepted value when the version is unknown', () => {
    expect(() => parseAnyAglVersion('0.9')).toThrow(
      /Unsupported AGL version "0.9".*0\.3\.0, 1\.0, 1\.0\.2/,
    );
  });
});
