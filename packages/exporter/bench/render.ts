// Re-renders exporter-bench.md from exporter-bench.json (after a change to the report's wording):
// node --conditions=@agl/source bench/render.ts [folder]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@agl/testkit';
import { renderMarkdown } from './report/markdown.ts';
import type { BenchResults } from './results.ts';

const dir = process.argv[2] ?? join(findRepoRoot(), 'docs', 'bench');
const results = JSON.parse(readFileSync(join(dir, 'exporter-bench.json'), 'utf8')) as BenchResults;
writeFileSync(join(dir, 'exporter-bench.md'), renderMarkdown(results));
console.log(`wrote ${join(dir, 'exporter-bench.md')}`);
