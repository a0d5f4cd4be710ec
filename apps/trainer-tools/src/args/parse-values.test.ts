import { describe, expect, it } from 'vitest';
import { parseTime } from './parse-values.ts';

describe('parseTime', () => {
  const now = 1_000_000;
  it.each([
    ['90s', now - 90],
    ['30m', now - 1800],
    ['1.5h', now - 5400],
    ['2d', now - 172_800],
    ['1W', now - 604_800],
    ['2025-01-31', Date.parse('2025-01-31') / 1000],
    ['2025-01-31T12:00:00Z', Date.parse('2025-01-31T12:00:00Z') / 1000],
  ])('%s', (text, expected) => {
    expect(parseTime(text, '--since', now)).toBe(expected);
  });

  it.each(['yesterday', '10', '-1h', '2025-13-45', ''])('rejects %j', (text) => {
    expect(() => parseTime(text, '--until', now)).toThrow(/^--until ".*" is not a time/);
  });
});
