#!/usr/bin/env node
// `agl:eval`: rewards for collected rollouts.
import { evalCommand } from './eval-command.ts';
import { runMain } from './run-cli.ts';

runMain('agl:eval', () =>
  evalCommand({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  }),
);
