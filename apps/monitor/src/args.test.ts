import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINT, parseInterval, parseMonitorArgs, UsageError } from './args.ts';

function run(argv: string[], env: Record<string, string> = {}) {
  const parsed = parseMonitorArgs(argv, env);
  if (parsed.kind !== 'run') throw new Error('expected run');
  return parsed.options;
}

describe('parseMonitorArgs', () => {
  it('has defaults for everything', () => {
    expect(run([])).toEqual({
      endpoint: DEFAULT_ENDPOINT,
      intervalMs: 1_000,
      recent: 100,
      dialect: null,
      once: false,
    });
  });

  it('takes the endpoint from AGL_ENDPOINT unless --endpoint is given', () => {
    expect(run([], { AGL_ENDPOINT: 'http://10.0.0.5:4747/' }).endpoint).toBe(
      'http://10.0.0.5:4747',
    );
    expect(
      run(['--endpoint', 'http://127.0.0.1:9999'], { AGL_ENDPOINT: 'http://10.0.0.5:4747' })
        .endpoint,
    ).toBe('http://127.0.0.1:9999');
    expect(run([], { AGL_ENDPOINT: '  ' }).endpoint).toBe(DEFAULT_ENDPOINT);
  });

  it('reads every option', () => {
    expect(
      run([
        '--endpoint=http://h:1',
        '--interval',
        '250ms',
        '--recent',
        '20',
        '--dialect',
        '0.2.2',
        '--once',
      ]),
    ).toEqual({ endpoint: 'http://h:1', intervalMs: 250, recent: 20, dialect: '0.2', once: true });
  });

  it('recognises --help and -h', () => {
    expect(parseMonitorArgs(['--help'], {})).toEqual({ kind: 'help' });
    expect(parseMonitorArgs(['-h', '--endpoint', 'nonsense'], {})).toEqual({ kind: 'help' });
  });

  it.each([
    [['--endpoint', 'localhost:4747'], /is not an http\(s\) URL/],
    [['--endpoint', 'not a url'], /is not a URL/],
    [['--interval', 'fast'], /is not a duration/],
    [['--interval', '10ms'], /at least 100ms/],
    [['--interval', '99999999999'], /at most 1 hour/],
    [['--recent', '0'], /whole number from 1 to 10000/],
    [['--recent', '2.5'], /whole number/],
    [['--dialect', '1.0'], /must be 0.2 or 0.3/],
    [['--bogus'], /Unknown option '--bogus'[\s\S]*Usage: agl-monitor/],
    [['extra'], /Usage: agl-monitor/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseMonitorArgs(argv, {})).toThrow(UsageError);
    expect(() => parseMonitorArgs(argv, {})).toThrow(message);
  });
});

describe('parseInterval', () => {
  it.each([
    ['2', 2_000],
    ['0.5', 500],
    ['2s', 2_000],
    ['500ms', 500],
    [' 1.5 s ', 1_500],
  ])('%j → %d ms', (text, ms) => {
    expect(parseInterval(text)).toBe(ms);
  });
});
