import { packageTestConfig } from '../../../tooling/vitest/shared.ts';

// The benchmark's own unit tests (pure helpers): `pnpm exec vitest run --config bench/vitest.config.ts`.
export default packageTestConfig({ include: ['bench/**/*.test.ts'] });
