import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkspacePackage {
  name: string;
  dir: string;
}

interface PackageJson {
  name?: string;
  private?: boolean;
}

/** The library packages under `packages/` that are published: every one not marked private. */
export function publicPackages(repoRoot: string): WorkspacePackage[] {
  const packagesDir = join(repoRoot, 'packages');
  const found: WorkspacePackage[] = [];
  for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(packagesDir, entry.name);
    let manifest: PackageJson;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    } catch {
      continue;
    }
    if (manifest.private === true || manifest.name === undefined) continue;
    found.push({ name: manifest.name, dir });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}
