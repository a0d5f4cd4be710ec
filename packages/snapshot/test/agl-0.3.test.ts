import { useAglStore } from '@agl/testkit/vitest';
import { describe } from 'vitest';
import { realStoreSuite } from './real-store-suite.ts';

describe('@agl/snapshot against agl store 0.3.0', () => {
  realStoreSuite(useAglStore('0.3.0'));
});
