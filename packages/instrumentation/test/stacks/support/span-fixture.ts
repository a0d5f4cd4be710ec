import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findRepoRoot } from '@agl/testkit';
import type { SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Set to 1 to rewrite the converter's stack fixtures from the real libraries. */
export const WRITE_STACK_FIXTURES = process.env.AGL_WRITE_STACK_FIXTURES === '1';

const FIXTURE_DIR = 'packages/converter/test/fixtures';

/** The installed version of each dev dependency of this package (npm aliases by their alias). */
export function packageVersions(names: readonly string[]): Record<string, string> {
  const modules = join(findRepoRoot(), 'packages/instrumentation/node_modules');
  return Object.fromEntries(
    names.map((name) => {
      const manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'));
      return [name, (manifest as { version: string }).version];
    }),
  );
}

/**
 * Writes `spans` (ReadableSpan fields) where the converter's `loadFixture` reads them;
 * `regenerate` says in the fixture how to write it again.
 */
export async function writeSpanFixture(
  spans: readonly ReadableSpan[],
  file: string,
  description: string,
  recordedWith: Record<string, string>,
  regenerate = 'AGL_WRITE_STACK_FIXTURES=1 in packages/instrumentation (test/stacks)',
): Promise<void> {
  const context = (value: SpanContext | undefined) =>
    value === undefined
      ? null
      : {
          traceId: value.traceId,
          spanId: value.spanId,
          traceFlags: value.traceFlags,
          isRemote: value.isRemote ?? false,
          traceState: value.traceState?.serialize() ?? '',
        };
  const fixture = {
    description: `${description} Regenerate with ${regenerate}.`,
    recordedWith,
    spans: spans.map((span) => ({
      name: span.name,
      kind: span.kind,
      spanContext: context(span.spanContext()),
      parentSpanContext: context(span.parentSpanContext),
      startTime: span.startTime,
      endTime: span.endTime,
      status: span.status,
      attributes: span.attributes,
      events: span.events,
      links: span.links.map((link) => ({
        context: context(link.context),
        attributes: link.attributes ?? {},
      })),
      resource: {
        attributes: span.resource.attributes,
        schemaUrl: span.resource.schemaUrl ?? null,
      },
      instrumentationScope: span.instrumentationScope,
      droppedAttributesCount: span.droppedAttributesCount,
      droppedEventsCount: span.droppedEventsCount,
      droppedLinksCount: span.droppedLinksCount,
    })),
  };
  const path = join(findRepoRoot(), FIXTURE_DIR, file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(fixture, null, 2)}\n`);
}
