import { packageTestConfig } from '../../tooling/vitest/shared.ts';

// The benchmark's pure helpers have unit tests too; the benchmark itself runs with `pnpm bench`.
export default packageTestConfig({
  include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
});
