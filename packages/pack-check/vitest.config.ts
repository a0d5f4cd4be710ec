import { packageTestConfig } from '../../tooling/vitest/shared.ts';

// Packing builds four packages and the scratch install fetches from the npm registry.
export default packageTestConfig({ testTimeout: 240_000 });
