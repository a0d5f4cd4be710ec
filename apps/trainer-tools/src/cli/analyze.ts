#!/usr/bin/env node
// `agl:analyze`: what is in the AGL store, and training data.
import { analyzeCommand } from './analyze-command.ts';
import { runMain } from './run-cli.ts';

runMain('agl:analyze', () =>
  analyzeCommand(
    {
      argv: process.argv.slice(2),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
    },
    process.env.INIT_CWD ?? process.cwd(),
  ),
);
