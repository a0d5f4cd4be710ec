import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENT_RUN, END_ORDER } from './agent-run.ts';

/** Writes the agent run's span templates for the Python contenders; returns the file path. */
export function writeWorkloadFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'agl-bench-'));
  const file = join(dir, 'agent-run.json');
  writeFileSync(file, JSON.stringify({ spans: AGENT_RUN, endOrder: END_ORDER }));
  return file;
}
