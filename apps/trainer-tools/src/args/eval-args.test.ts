import { describe, expect, it } from 'vitest';
import { parseEvalArgs } from './eval-args.ts';
import { UsageError } from './parse-values.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z') / 1000;
const parse = (argv: string[], env: Record<string, string> = {}) => parseEvalArgs(argv, env, NOW);

describe('parseEvalArgs', () => {
  it('has defaults for everything', () => {
    expect(parse([])).toEqual({
      kind: 'run',
      args: {
        endpoint: 'http://localhost:4747',
        filter: { since: null, until: null, agents: null, statuses: null, ids: null },
        evaluators: [
          { name: 'ground-truth', weight: 0.6 },
          { name: 'schema', weight: 0.2 },
          { name: 'judge', weight: 0.2 },
        ],
        concurrency: 4,
        limit: null,
        dryRun: false,
        force: false,
        json: false,
      },
    });
    expect(parse([], { AGL_ENDPOINT: 'http://127.0.0.1:9000/' })).toMatchObject({
      args: { endpoint: 'http://127.0.0.1:9000' },
    });
    expect(parse(['-h'])).toEqual({ kind: 'help' });
  });

  it('reads every flag', () => {
    const parsed = parse([
      '--endpoint=http://h:1',
      '--since=2h',
      '--until=2025-06-01T11:30:00Z',
      '--agent=postAnalyzer,helper',
      '--status=succeeded',
      '--ids=ro-1,ro-2',
      '--evaluators=schema',
      '--concurrency=8',
      '--limit=10',
      '--dry-run',
      '--force',
      '--json',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      args: {
        endpoint: 'http://h:1',
        filter: {
          since: NOW - 7200,
          until: NOW - 1800,
          agents: ['postAnalyzer', 'helper'],
          statuses: ['succeeded'],
          ids: ['ro-1', 'ro-2'],
        },
        evaluators: [{ name: 'schema', weight: 1 }],
        concurrency: 8,
        limit: 10,
        dryRun: true,
        force: true,
        json: true,
      },
    });
  });

  it.each([
    [
      ['--status', 'running'],
      '--status "running" is not accepted. Accepted values: failed, succeeded, cancelled.',
    ],
    [['--since', 'yesterday'], '--since "yesterday" is not a time.'],
    [['--since', '1h', '--until', '2h'], 'must be before --until'],
    [
      ['--evaluators', 'truth=1'],
      '--evaluators: Unknown evaluator "truth". Accepted evaluators: ground-truth, schema, judge',
    ],
    [['--concurrency', '0'], '--concurrency must be a whole number from 1 to 64, got "0".'],
    [['--limit', 'many'], '--limit must be a whole number'],
    [
      ['--endpoint', 'localhost'],
      '--endpoint "localhost" is not a URL; use e.g. http://localhost:4747',
    ],
    [['--endpoint', 'ftp://h'], '--endpoint "ftp://h" is not an http(s) URL'],
    [['--ids', ','], '--ids needs at least one value'],
    [['--verbose'], "Unknown option '--verbose'. See --help."],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });

  it('names AGL_ENDPOINT when that is what is wrong', () => {
    expect(() => parse([], { AGL_ENDPOINT: 'ftp://x' })).toThrow(
      'AGL_ENDPOINT "ftp://x" is not an http(s) URL',
    );
  });
});
