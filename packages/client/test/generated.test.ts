import { describe, expect, it } from 'vitest';
import { staleFiles } from '../scripts/generate-types.ts';

describe('generated OpenAPI types', () => {
  it('match a fresh generation from openapi/*.yaml (run `pnpm --filter @agl/client generate`)', async () => {
    expect(await staleFiles()).toEqual([]);
  });
});
