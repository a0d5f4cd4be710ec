import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** Shared vitest settings: workspace packages resolve to their TypeScript sources. */
export function packageTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    // Not Vite's default 'module' condition: some packages map it to builds Node cannot load.
    ssr: { resolve: { conditions: ['@agl/source', 'node', 'development|production'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      // The JSON report feeds the one-line summary that tooling/test-summary.ts prints.
      reporters: ['default', ['json', { outputFile: '.vitest-results/results.json' }]],
      ...overrides,
    },
  });
}
