// `turbo run agl:otel-test`: the passive pattern end to end. Makes sure an AGL store answers
// (starting the project's own when none does), runs the Post Analyzer on a few dataset posts
// through the HTTP API with AGL export on, and one non-Mastra app (an AI SDK `generateText` with
// tools, `ai-sdk-app.ts`), then checks in AGL that every run is a complete, training-ready
// rollout. Exits non-zero on any failure.
import { runOtelTest } from './run-otel-test.ts';

const code = await runOtelTest({ env: process.env, log: (line) => console.log(line) });
process.exit(code);
