import { analyzeServer1, isServer1 } from '../analyze/analyze-server-1.ts';
import { JsonlFile } from '../analyze/jsonl-file.ts';
import { renderStoreReport } from '../analyze/render-report.ts';
import { runAnalyze } from '../analyze/run-analyze.ts';
import { ANALYZE_USAGE, parseAnalyzeArgs } from '../args/analyze-args.ts';
import { UsageError } from '../args/parse-values.ts';
import { ProgressBar } from '../progress/progress-bar.ts';
import { type CliIo, connectOrExplain, EXIT, onInterrupt } from './run-cli.ts';

const COMMAND = 'agl:analyze';

/** `agl:analyze`; returns the exit code. */
export async function analyzeCommand(io: CliIo, cwd: string): Promise<number> {
  const parsed = parseAnalyzeArgs(io.argv, io.env, Date.now() / 1000, cwd);
  if (parsed.kind === 'help') {
    io.stdout.write(ANALYZE_USAGE);
    return EXIT.ok;
  }
  const { args } = parsed;
  let exportFile: JsonlFile | null = null;
  if (args.exportPath !== null) {
    try {
      exportFile = await JsonlFile.open(args.exportPath);
    } catch (error) {
      throw new UsageError(`--export: ${(error as Error).message}`);
    }
  }
  if (await isServer1(args.endpoint)) {
    try {
      await analyzeServer1(args.endpoint, io, {
        json: args.format === 'json',
        exportFile,
        concurrency: args.concurrency,
      });
      await exportFile?.close();
      return EXIT.ok;
    } catch (error) {
      await exportFile?.discard();
      throw error;
    }
  }
  const store = await connectOrExplain(COMMAND, args.endpoint, io);
  if (store === null) {
    await exportFile?.discard();
    return EXIT.failed;
  }
  const stop = new AbortController();
  const removeHandler = onInterrupt(io, () => stop.abort());
  try {
    const { report, interrupted } = await runAnalyze(store, {
      filter: args.filter,
      concurrency: args.concurrency,
      exportFile,
      signal: stop.signal,
      progress: new ProgressBar(io.stderr, { label: COMMAND }),
    });
    await exportFile?.close();
    io.stdout.write(
      args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStoreReport(report),
    );
    if (interrupted) {
      io.stderr.write(`${COMMAND}: interrupted; the report covers the rollouts read so far\n`);
      return EXIT.interrupted;
    }
    return EXIT.ok;
  } catch (error) {
    await exportFile?.discard();
    throw error;
  } finally {
    removeHandler();
    await store.close();
  }
}
