import { describe, expect, it } from 'vitest';
import { parseAnalyzeArgs } from './analyze-args.ts';
import { UsageError } from './parse-values.ts';

const parse = (argv: string[]) => parseAnalyzeArgs(argv, {}, 1_750_000_000, '/home/user/project');

describe('parseAnalyzeArgs', () => {
  it('has defaults and resolves the export path against the working directory', () => {
    expect(parse([])).toMatchObject({
      kind: 'run',
      args: { endpoint: 'http://localhost:4747', exportPath: null, format: 'text', concurrency: 4 },
    });
    expect(
      parse(['--export', 'out/data.jsonl', '--format', 'json', '--status', 'running,failed']),
    ).toMatchObject({
      args: {
        exportPath: '/home/user/project/out/data.jsonl',
        format: 'json',
        filter: { statuses: ['running', 'failed'] },
      },
    });
  });

  it.each([
    [['--format', 'xml'], '--format "xml" is not accepted. Accepted values: text, json.'],
    [['--format', 'text,json'], '--format takes one value'],
    [['--export', ' '], '--export needs a file name'],
    [
      ['--status', 'done'],
      'Accepted values: queuing, preparing, running, failed, succeeded, cancelled, requeuing.',
    ],
  ])('rejects %j naming the flag', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});
