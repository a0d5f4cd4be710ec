import { ConfigError } from '@agl/mastra-api/model-config';
import { EVAL_USAGE, parseEvalArgs } from '../args/eval-args.ts';
import { UsageError } from '../args/parse-values.ts';
import { renderEvalReport } from '../eval/render-eval-report.ts';
import { runEval } from '../eval/run-eval.ts';
import { type OpenedJudgeModel, openJudgeModel } from '../judge/open-judge-model.ts';
import { postAnalyzerEvaluators } from '../post-analyzer/evaluators.ts';
import { ProgressBar } from '../progress/progress-bar.ts';
import { type CliIo, connectOrExplain, EXIT, onInterrupt } from './run-cli.ts';

const COMMAND = 'agl:eval';

/** `agl:eval`; returns the exit code. */
export async function evalCommand(io: CliIo): Promise<number> {
  const parsed = parseEvalArgs(io.argv, io.env, Date.now() / 1000);
  if (parsed.kind === 'help') {
    io.stdout.write(EVAL_USAGE);
    return EXIT.ok;
  }
  const { args } = parsed;
  const store = await connectOrExplain(COMMAND, args.endpoint, io);
  if (store === null) return EXIT.failed;
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
      const report = await runEval(store, {
        filter: args.filter,
        evaluators,
        concurrency: args.concurrency,
        dryRun: args.dryRun,
        force: args.force,
        limit: args.limit,
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
    await store.close();
  }
}
