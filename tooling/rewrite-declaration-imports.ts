// TypeScript rewrites relative `./x.ts` imports to `./x.js` in emitted JavaScript
// (rewriteRelativeImportExtensions) but leaves them as `.ts` in declaration files, which then
// do not resolve for anyone installing the package. Usage: node rewrite-declaration-imports.ts dist
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// `from './a.ts'`, `import('../b.ts')`, `declare module './c.ts'`: relative specifiers only.
const relativeTsSpecifier = /(['"])(\.{1,2}\/[^'"\n]*?)\.([cm]?)ts\1/g;

export function rewriteDeclarationImports(text: string): string {
  return text.replace(
    relativeTsSpecifier,
    (_match, quote: string, path: string, flavour: string) => {
      return `${quote}${path}.${flavour}js${quote}`;
    },
  );
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.d\.[cm]?ts$/.test(name))
    .map((name) => join(dir, name));
}

const [outDir] = process.argv.slice(2);
if (outDir === undefined) {
  console.error('usage: node rewrite-declaration-imports.ts <build output folder>');
  process.exit(2);
}
for (const file of declarationFiles(outDir)) {
  const before = readFileSync(file, 'utf8');
  const after = rewriteDeclarationImports(before);
  if (after !== before) writeFileSync(file, after);
}
