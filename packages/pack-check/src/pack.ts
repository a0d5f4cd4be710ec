import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { WorkspacePackage } from './public-packages.ts';

const run = promisify(execFile);

export interface PackedPackage extends WorkspacePackage {
  tarball: string;
}

/**
 * `pnpm pack` for each package into `destination`: runs `prepack` (the build) and turns
 * `workspace:*` ranges into the versions being published, as a release would.
 */
export async function packPackages(
  packages: WorkspacePackage[],
  destination: string,
): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const pkg of packages) {
    const before = new Set(readdirSync(destination));
    try {
      await run('pnpm', ['pack', '--pack-destination', destination], {
        cwd: pkg.dir,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`pnpm pack failed in ${pkg.dir}:\n${stdout}${stderr}`);
    }
    const created = readdirSync(destination).filter(
      (name) => name.endsWith('.tgz') && !before.has(name),
    );
    if (created.length !== 1) {
      throw new Error(`pnpm pack in ${pkg.dir} produced ${created.length} tarballs, expected 1`);
    }
    packed.push({ ...pkg, tarball: join(destination, created[0] as string) });
  }
  return packed;
}
