// Relative imports in a published `.d.ts` must name `.js` files: a `./x.ts` specifier only
// resolves for consumers that allow importing TypeScript extensions.
const relativeTsSpecifier = /(['"])(\.{1,2}\/[^'"\n]*?\.[cm]?ts)\1/g;

/** The relative `.ts` / `.mts` / `.cts` specifiers left in a declaration file's text. */
export function tsExtensionSpecifiers(declarationText: string): string[] {
  return [...declarationText.matchAll(relativeTsSpecifier)]
    .map((match) => match[2] as string)
    .filter((specifier) => !specifier.endsWith('.d.ts'));
}
