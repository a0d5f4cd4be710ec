import { describe, expect, it } from 'vitest';
import { tsExtensionSpecifiers } from './declaration-specifiers.ts';

describe('tsExtensionSpecifiers', () => {
  it('finds relative .ts, .mts and .cts specifiers in imports, exports and import types', () => {
    const text = [
      "import type { A } from './a.ts';",
      'export { B } from "../b/c.mts";',
      "type D = import('./d.cts').D;",
    ].join('\n');
    expect(tsExtensionSpecifiers(text)).toEqual(['./a.ts', '../b/c.mts', './d.cts']);
  });

  it('accepts .js specifiers, package names and references to declaration files', () => {
    const text = [
      "import type { A } from './a.js';",
      "import type { Span } from '@opentelemetry/api';",
      "import type { T } from 'some-lib/types.ts';",
      "/// <reference path='./globals.d.ts' />",
    ].join('\n');
    expect(tsExtensionSpecifiers(text)).toEqual([]);
  });
});
