import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The monorepo root: the nearest folder above `from` that holds pnpm-workspace.yaml. */
export function findRepoRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Cannot find the agl-ts checkout (pnpm-workspace.yaml) above ${from}`);
    }
    dir = parent;
  }
  return dir;
}
