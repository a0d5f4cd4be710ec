import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

const KIND_NAMES = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'] as const;
/** Attribute strings longer than this are cut in the fixture (JSON values below it stay parseable). */
const MAX_VALUE_LENGTH = 1000;

export interface RecordedSpan {
  name: string;
  kind: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code: string; message?: string };
  attributes: Record<string, unknown>;
  events: { name: string; attributes: Record<string, unknown> }[];
}

export function recordSpan(span: ReadableSpan): RecordedSpan {
  return {
    name: span.name,
    kind: KIND_NAMES[span.kind] ?? String(span.kind),
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    startTimeUnixNano: hrTimeToNanos(span.startTime),
    endTimeUnixNano: hrTimeToNanos(span.endTime),
    status: {
      code: STATUS_NAMES[span.status.code] ?? String(span.status.code),
      ...(span.status.message === undefined ? {} : { message: span.status.message }),
    },
    attributes: shorten(span.attributes),
    events: span.events.map((event) => ({
      name: event.name,
      attributes: shorten(event.attributes ?? {}),
    })),
  };
}

function hrTimeToNanos([seconds, nanos]: [number, number]): string {
  return (BigInt(seconds) * 1_000_000_000n + BigInt(nanos)).toString();
}

function shorten(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [
      key,
      typeof value === 'string' && value.length > MAX_VALUE_LENGTH
        ? `${value.slice(0, MAX_VALUE_LENGTH)}… [cut, ${value.length} chars in all]`
        : value,
    ]),
  );
}

export interface SpanNode {
  name: string;
  kind: string;
  attributeKeys: string[];
  children: SpanNode[];
}

/**
 * The shape of a trace without ids, times or values: span names, kinds, attribute keys and
 * nesting, with siblings in a canonical order so that concurrent tool calls compare equal.
 */
export function traceShape(spans: readonly RecordedSpan[]): SpanNode[] {
  const build = (parentId: string | null): SpanNode[] =>
    spans
      .filter((span) => span.parentSpanId === parentId)
      .map((span) => ({
        name: span.name,
        kind: span.kind,
        attributeKeys: Object.keys(span.attributes).sort(),
        children: build(span.spanId),
      }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return build(null);
}

/** Indented `name [kind]` lines of the tree, for reading and for failure messages. */
export function renderTree(spans: readonly RecordedSpan[]): string {
  const lines: string[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const span of spans.filter((candidate) => candidate.parentSpanId === parentId)) {
      lines.push(`${'  '.repeat(depth)}${span.name} [${span.kind}]`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(null, 0);
  return lines.join('\n');
}

export function parentOf(
  spans: readonly RecordedSpan[],
  span: RecordedSpan,
): RecordedSpan | undefined {
  return spans.find((candidate) => candidate.spanId === span.parentSpanId);
}

export function ancestorsOf(spans: readonly RecordedSpan[], span: RecordedSpan): RecordedSpan[] {
  const result: RecordedSpan[] = [];
  for (
    let current = parentOf(spans, span);
    current !== undefined;
    current = parentOf(spans, current)
  ) {
    result.push(current);
  }
  return result;
}
