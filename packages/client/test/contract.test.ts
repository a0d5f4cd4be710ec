// Our hand-written OpenAPI documents against what each real server publishes at /openapi.json.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useAglServer, useAglStore } from '@agl/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffOpenApi, type OpenApiDocument } from './support/openapi-diff.ts';

const CASES = [
  { version: '0.2.2', document: 'agl-store-0.2.yaml' },
  { version: '0.3.0', document: 'agl-store-0.3.yaml' },
] as const;

async function ourDocument(name: string): Promise<OpenApiDocument> {
  const path = fileURLToPath(new URL(`../../../openapi/${name}`, import.meta.url));
  return parse(await readFile(path, 'utf8')) as OpenApiDocument;
}

function routes(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths ?? {})
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

describe.each(CASES)('OpenAPI contract of agl store $version', ({ version, document }) => {
  const server = useAglStore(version);

  it(`openapi/${document} matches the live /openapi.json`, async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    const live = (await response.json()) as OpenApiDocument;
    const diffs = diffOpenApi(await ourDocument(document), live);
    expect(
      diffs,
      `openapi/${document} has drifted from agl store ${version}:\n${diffs.join('\n')}`,
    ).toEqual([]);
  });

  it('declares every route the server serves, and only those', async () => {
    const live = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
    expect(routes(await ourDocument(document))).toEqual(routes(live));
  });
});

describe('OpenAPI contract of agl-server 1.0.2', () => {
  const server = useAglServer();
  const document = 'agl-server-1.0.yaml';

  it(`openapi/${document} matches the live /openapi.json, route for route`, async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    const live = (await response.json()) as OpenApiDocument;
    const ours = await ourDocument(document);
    const diffs = diffOpenApi(ours, live);
    expect(
      diffs,
      `openapi/${document} has drifted from agl-server 1.0.2:\n${diffs.join('\n')}`,
    ).toEqual([]);
    expect(routes(ours)).toEqual(routes(live));
  });
});
