import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AglStore, connect } from '@agl/client';
import { getDatasetPost } from '@agl/post-analyzer';
import { freePort, SUPPORTED_AGL_VERSIONS } from '@agl/testkit';
import { useAglStore } from '@agl/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreReport } from '../src/analyze/store-report.ts';
import type { EvalReport } from '../src/eval/eval-report.ts';
import { seedRun } from './support/seed-runs.ts';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `agl:eval` or `agl:analyze` as a process, offline (no model key in its environment). */
function cli(command: 'eval' | 'analyze', args: string[]): Promise<Result> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^(AGL_|OPENAI_)/.test(key)) env[key] = value;
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@agl/source', `src/cli/${command}.ts`, ...args],
      { cwd: PACKAGE, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('bad options', () => {
  it.each([
    [
      'eval',
      ['--status', 'running'],
      '--status "running" is not accepted. Accepted values: failed, succeeded, cancelled.',
    ],
    [
      'eval',
      ['--evaluators', 'vibes=1'],
      '--evaluators: Unknown evaluator "vibes". Accepted evaluators: ground-truth, schema, judge',
    ],
    ['eval', ['--until', 'soon'], '--until "soon" is not a time.'],
    [
      'analyze',
      ['--format', 'xml'],
      '--format "xml" is not accepted. Accepted values: text, json.',
    ],
    [
      'analyze',
      ['--export', '/nonexistent-folder/data.jsonl'],
      '--export: cannot write /nonexistent-folder/data.jsonl: its folder does not exist',
    ],
  ] as const)('agl:%s %j exits 2 saying what is wrong', async (command, args, message) => {
    const result = await cli(command, [...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^agl:${command}: [^\n]+\n$`));
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('an unreachable store exits 1 and says how to start one', async () => {
    const port = await freePort();
    const result = await cli('eval', ['--endpoint', `http://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`No AGL store at http://127.0.0.1:${port}`);
    expect(result.stderr).toContain('pnpm agl:server');
  });

  it('--help prints the usage', async () => {
    const result = await cli('analyze', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: pnpm agl:analyze \[options\]/);
  });
});

describe.each(SUPPORTED_AGL_VERSIONS)(
  'agl:eval and agl:analyze end to end on AGL %s, offline',
  (version) => {
    const server = useAglStore(version);
    let store: AglStore;
    let directory: string;

    beforeAll(async () => {
      store = await connect(server.url);
      directory = await mkdtemp(join(tmpdir(), 'agl-cli-'));
      for (const id of ['post-004', 'post-005']) {
        const { post, expected } = getDatasetPost(id);
        await seedRun(store, {
          input: `Analyze this social-media post.\n\n${JSON.stringify(post, null, 2)}`,
          metadata: { postId: id },
          llmCalls: 2,
          answer: {
            sentiment: expected.sentiment,
            sentimentScore: 0,
            topics: expected.topics,
            tone: expected.tone,
            engagementPrediction: {
              level: expected.engagementLevel,
              score: 50,
              rationale: 'Typical.',
            },
            suggestedReply: 'Thanks for sharing!',
            hashtags: [],
            mentions: [],
          },
        });
      }
    });
    afterAll(async () => {
      await store.close();
      await rm(directory, { recursive: true, force: true });
    });

    it('agl:eval rewards the rollouts once, with the offline judge', async () => {
      const first = await cli('eval', ['--endpoint', server.url, '--json']);
      expect(first.stderr).toContain('judge model: agl-offline-1, the OFFLINE deterministic model');
      expect(first.code).toBe(0);
      const report = JSON.parse(first.stdout) as EvalReport;
      expect(report).toMatchObject({ dialect: version.slice(0, 3), rewarded: 2, failed: 0 });
      expect(report.evaluators.find((part) => part.name === 'ground-truth')?.mean).toBe(1);

      const second = await cli('eval', ['--endpoint', server.url]);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/already rewarded\s+2/);
    });

    it('agl:eval exits 1 for ids the store does not have', async () => {
      const result = await cli('eval', [
        '--endpoint',
        server.url,
        '--ids',
        'ro-nothere',
        '--dry-run',
      ]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('not in the store: ro-nothere');
    });

    it('agl:analyze reports the rewards and exports the training data', async () => {
      const path = join(directory, 'data.jsonl');
      const result = await cli('analyze', [
        '--endpoint',
        server.url,
        '--format',
        'json',
        '--export',
        path,
      ]);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as StoreReport;
      expect(report.readiness).toMatchObject({ withReward: 2, finished: 2 });
      expect(report.export).toMatchObject({ path, records: 4, rollouts: 2, recordsWithReward: 2 });
      const lines = (await readFile(path, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(4);
      expect(lines.map((line) => JSON.parse(line).triplet.reward !== null)).toEqual([
        false,
        true,
        false,
        true,
      ]);
    });

    it('agl:analyze --export DIR refuses a folder before reading anything', async () => {
      const result = await cli('analyze', ['--endpoint', server.url, '--export', directory]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot write ${directory}: it is a folder`);
      expect(result.stdout).toBe('');
    });

    it('agl:analyze prints stored text without its escape codes', async () => {
      await seedRun(store, {
        agent: 'evil\u001b[2J\u001b[31magent',
        status: 'failed',
        error: 'boom\u001b]0;title\u0007\u001b[1A!',
      });
      const result = await cli('analyze', ['--endpoint', server.url]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('evilagent');
      expect(result.stdout).toContain('boom!');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes.
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    });
  },
);
