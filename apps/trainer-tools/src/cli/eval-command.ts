import { AglServerClient } from '@agl/client';
import { ConfigError } from '@agl/post-analyzer';
import { isServer1 } from '../analyze/analyze-server-1.ts';
import { EVAL_USAGE, type EvalArgs, parseEvalArgs } from '../args/eval-args.ts';
import { UsageError } from '../args/parse-values.ts';
import type { EvalReport } from '../eval/eval-report.ts';
import { renderEvalReport } from '../eval/render-eval-report.ts';
import { runEval } from '../eval/run-eval.ts';
import { runEvalServer1, SERVER_1_FINISHED_STATES } from '../eval/run-eval-server-1.ts';
import { type OpenedJudgeModel, openJudgeModel } from '../judge/open-judge-model.ts';
import { postAnalyzerEvaluators } from '../post-analyzer/evaluators.ts';
import { ProgressBar } from '../progress/progress-bar.ts';
import { type CliIo, connectOrExplain, EXIT, onInterrupt } from './run-cli.ts';

const COMMAND = 'agl:eval';

type Scorer = (common: {
  evaluators: ReturnType<typeof postAnalyzerEvaluators>;
  signal: AbortSignal;
  progress: ProgressBar;
}) => Promise<EvalReport>;

/** `agl:eval` against an AGL 0.x store or an AGL 1.0 agl-server; returns the exit code. */
export async function evalCommand(io: CliIo): Promise<number> {
  const parsed = parseEvalArgs(io.argv, io.env, Date.now() / 1000);
  if (parsed.kind === 'help') {
    io.stdout.write(EVAL_USAGE);
    return EXIT.ok;
  }
  const { args } = parsed;
  if (await isServer1(args.endpoint)) {
    const unknownState = args.filter.statuses?.find(
      (status) => !(SERVER_1_FINISHED_STATES as readonly string[]).includes(status),
    );
    if (unknownState !== undefined) {
      throw new UsageError(
        `--status: an AGL 1.0 server has no "${unknownState}" rollouts; its finished states are ${SERVER_1_FINISHED_STATES.join(', ')}.`,
      );
    }
    const key = io.env.AGL_KEY || undefined;
    const client = new AglServerClient(args.endpoint, key ? { key } : {});
    return score(io, args, (common) =>
      runEvalServer1(client, { ...evalSettings(args), ...common }),
    );
  }
  const store = await connectOrExplain(COMMAND, args.endpoint, io);
  if (store === null) return EXIT.failed;
  try {
    return await score(io, args, (common) => runEval(store, { ...evalSettings(args), ...common }));
  } finally {
    await store.close();
  }
}

function evalSettings(args: EvalArgs) {
  return {
    filter: args.filter,
    concurrency: args.concurrency,
    dryRun: args.dryRun,
    force: args.force,
    limit: args.limit,
  };
}

/** Opens the judge if chosen, runs the scorer with Ctrl-C handling, prints the summary. */
async function score(io: CliIo, args: EvalArgs, run: Scorer): Promise<number> {
  let judge: OpenedJudgeModel | null = null;
  try {
    if (args.evaluators.some(({ name }) => name === 'judge')) {
      try {
        judge = await openJudgeModel(io.env);
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
      }
      io.stderr.write(`${COMMAND}: ${judge.description}\n`);
    }
    const evaluators = postAnalyzerEvaluators(args.evaluators, judge?.model ?? null);
    const stop = new AbortController();
    const removeHandler = onInterrupt(io, () => stop.abort());
    try {
      const report = await run({
        evaluators,
        signal: stop.signal,
        progress: new ProgressBar(io.stderr, { label: COMMAND }),
      });
      io.stdout.write(
        args.json ? `${JSON.stringify(report, null, 2)}\n` : renderEvalReport(report),
      );
      if (report.error !== null || report.failed > 0 || report.missingIds.length > 0)
        return EXIT.failed;
      return report.stoppedEarly === 'interrupted' ? EXIT.interrupted : EXIT.ok;
    } finally {
      removeHandler();
    }
  } finally {
    await judge?.close();
  }
}
