export { makeAttempt, makeRollout, makeSpan } from './builders.ts';
export { FakeAglStore, type FakeAglStoreOptions } from './fake-store.ts';
export {
  addLateReward,
  type SeededRollout,
  type SeedRolloutOptions,
  seedRollout,
} from './seed.ts';
