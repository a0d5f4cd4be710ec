import { findRepoRoot } from '@agl/testkit';
import { describe, expect, it } from 'vitest';
import { publicPackages } from './public-packages.ts';

describe('publicPackages', () => {
  it('lists exactly the published libraries; test and demo packages stay private', () => {
    const names = publicPackages(findRepoRoot()).map((pkg) => pkg.name);
    expect(names).toEqual([
      '@agl/client',
      '@agl/converter',
      '@agl/exporter',
      '@agl/instrumentation',
      '@agl/rewards',
      '@agl/worker',
    ]);
  });
});
