import { useAglStore } from '@agl/testkit/vitest';
import { describe } from 'vitest';
import { statusSuite } from './status-suite.ts';

describe('@agl/status against agl store 0.3.0', () => {
  statusSuite(useAglStore('0.3.0'));
});
