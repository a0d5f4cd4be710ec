// Generates `src/generated/agl-<version>.ts` from `openapi/agl-store-0.x.yaml` / `openapi/agl-server-1.0.yaml`,
// and `src/generated/checks.ts` (the schema checks behind `src/validate.ts`).
//   node scripts/generate-types.ts           write the files
//   node scripts/generate-types.ts --check   fail when the committed files differ from a fresh run
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { CHECKS_DOCUMENT, renderChecks } from './render-validators.ts';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPO_ROOT = join(PACKAGE_DIR, '..', '..');

export const DIALECT_DOCUMENTS = [
  { dialect: '0.2', document: 'openapi/agl-store-0.2.yaml', output: 'src/generated/agl-0.2.ts' },
  { dialect: '0.3', document: 'openapi/agl-store-0.3.yaml', output: 'src/generated/agl-0.3.ts' },
  { dialect: '1.0', document: 'openapi/agl-server-1.0.yaml', output: 'src/generated/agl-1.0.ts' },
] as const;

export interface GeneratedFile {
  /** Absolute path of the output file. */
  path: string;
  contents: string;
}

function header(document: string): string {
  return [
    `// generated from ${document} by \`pnpm --filter @agl/client generate\` — do not edit.`,
    '// Change the OpenAPI document instead and run the generator again.',
    '',
  ].join('\n');
}

/** Renders the types of every dialect document and the schema checks, without writing anything. */
export async function renderTypes(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const { document, output } of DIALECT_DOCUMENTS) {
    const ast = await openapiTS(pathToFileURL(join(REPO_ROOT, document)), {
      // Optionality comes from `required` alone: a default does not make a request key mandatory.
      defaultNonNullable: false,
      silent: true,
    });
    files.push({
      path: join(PACKAGE_DIR, output),
      contents: `${header(document)}${astToString(ast)}`,
    });
  }
  const checks = renderChecks(await readFile(join(REPO_ROOT, CHECKS_DOCUMENT), 'utf8'));
  files.push({
    path: join(PACKAGE_DIR, 'src/generated/checks.ts'),
    contents: `${header(CHECKS_DOCUMENT)}${checks}`,
  });
  return files;
}

/** Files whose committed contents differ from a fresh generation (missing files included). */
export async function staleFiles(): Promise<string[]> {
  const stale: string[] = [];
  for (const file of await renderTypes()) {
    const committed = await readFile(file.path, 'utf8').catch(() => null);
    if (committed !== file.contents) stale.push(relative(REPO_ROOT, file.path));
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length > 0) {
      console.error(
        `Generated types are out of date: ${stale.join(', ')}.\n` +
          'Run `pnpm --filter @agl/client generate` and commit the result.',
      );
      process.exitCode = 1;
    }
    return;
  }
  for (const file of await renderTypes()) {
    await writeFile(file.path, file.contents);
    console.log(`wrote ${relative(REPO_ROOT, file.path)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
