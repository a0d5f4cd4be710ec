import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepoRoot } from '../src/index.ts';

const lockfile = readFileSync(join(findRepoRoot(), 'pnpm-lock.yaml'), 'utf8');

function lockedVersions(name: string): string[] {
  const pattern = new RegExp(`^  '?${name.replace('/', '\\/')}@([^(':]+)`, 'gm');
  return [...new Set([...lockfile.matchAll(pattern)].map((match) => match[1] ?? ''))];
}

describe('workspace invariants', () => {
  // Two copies of the API give two global registries: Mastra's OtelBridge then finds no active
  // span and exports nothing, without an error.
  it.each([
    '@opentelemetry/api',
    '@opentelemetry/core',
    '@opentelemetry/sdk-trace-base',
    '@opentelemetry/resources',
  ])('locks exactly one copy of %s', (name) => {
    expect(lockedVersions(name)).toHaveLength(1);
  });
});
