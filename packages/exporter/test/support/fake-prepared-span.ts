import type { PreparedSpan } from '../../src/prepared-span.ts';

/** A span as the engine keeps it, for unit tests of pure logic that never look inside it. */
export function fakePreparedSpan(): PreparedSpan {
  return {
    agl: {} as PreparedSpan['agl'],
    frame: {} as PreparedSpan['frame'],
    sequenceId: undefined,
    bytes: 10,
    state: 'unsent',
    attempts: 0,
  };
}
