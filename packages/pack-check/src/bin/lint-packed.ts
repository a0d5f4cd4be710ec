// Packs every public library as a release would and checks each tarball with publint (package.json
// and files) and Are The Types Wrong (the types resolve for ESM consumers). Exits non-zero on any
// problem. Usage: node src/bin/lint-packed.ts
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findRepoRoot } from '@agl/testkit';
import { tsExtensionSpecifiers } from '../declaration-specifiers.ts';
import { type PackedPackage, packPackages } from '../pack.ts';
import { publicPackages } from '../public-packages.ts';

const run = promisify(execFile);

async function check(command: string, args: string[]): Promise<boolean> {
  try {
    const { stdout } = await run('pnpm', ['exec', command, ...args], {
      cwd: import.meta.dirname,
      maxBuffer: 16 * 1024 * 1024,
    });
    process.stdout.write(stdout);
    return true;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    return false;
  }
}

/** publint and attw accept `.ts` specifiers in declaration files; consumers' tsc does not. */
async function checkDeclarationSpecifiers(pkg: PackedPackage, scratch: string): Promise<boolean> {
  const unpacked = join(scratch, pkg.name.replace('/', '+'));
  mkdirSync(unpacked, { recursive: true });
  await run('tar', ['xzf', pkg.tarball, '-C', unpacked]);
  let ok = true;
  for (const name of readdirSync(unpacked, { recursive: true, encoding: 'utf8' })) {
    if (!/\.d\.[cm]?ts$/.test(name)) continue;
    const found = tsExtensionSpecifiers(readFileSync(join(unpacked, name), 'utf8'));
    if (found.length === 0) continue;
    ok = false;
    console.error(`${name}: imports ${found.join(', ')}; published declarations must import .js`);
  }
  return ok;
}

const destination = mkdtempSync(join(tmpdir(), 'agl-packed-'));
let ok = true;
try {
  for (const pkg of await packPackages(publicPackages(findRepoRoot()), destination)) {
    console.log(`\n# ${pkg.name}`);
    ok = (await checkDeclarationSpecifiers(pkg, join(destination, 'unpacked'))) && ok;
    ok = (await check('publint', ['run', '--strict', pkg.tarball])) && ok;
    // ESM only by design: CommonJS `require` and the pre-exports node10 resolution are not offered.
    ok =
      (await check('attw', [
        '--pack',
        pkg.tarball,
        '--profile',
        'esm-only',
        '--format',
        'ascii',
      ])) && ok;
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
if (!ok) {
  console.error('\nlint-packed: a published package has problems (see above)');
  process.exit(1);
}
console.log('\nlint-packed: every public package is well-formed');
