// fast-check arbitraries for spans whose attribute values can be anything JavaScript holds,
// including what the OpenTelemetry SDK itself would refuse (a custom ReadableSpan, or a
// processor writing attributes directly, can still produce them).
import { type Attributes, type HrTime, SpanKind, TraceFlags } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';

/** Strings made of arbitrary UTF-16 code units, so lone surrogates appear often. */
export const anyCodeUnitString = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 24 })
  .map((codes) => String.fromCharCode(...codes));

const specialValue = fc.constantFrom<unknown>(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  null,
  undefined,
  2n ** 64n,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  5e-324,
  '',
  '\uD800',
  new Date(Number.NaN),
  new Uint8Array([0, 255]),
  () => 'function',
  Symbol('symbol'),
);

export const anyAttributeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 4,
    maxKeys: 5,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    stringUnit: 'binary',
  }),
  specialValue,
  fc.array(fc.oneof(specialValue, fc.double(), fc.string(), fc.boolean()), { maxLength: 6 }),
  fc.array(fc.double(), { maxLength: 6 }),
  fc.array(anyCodeUnitString, { maxLength: 6 }),
  anyCodeUnitString,
);

export const anyAttributeKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  anyCodeUnitString,
  fc.constantFrom('__proto__', 'constructor', 'a.b', 'gen_ai.prompt.0.role', ''),
);

export const anyAttributes = fc.dictionary(anyAttributeKey, anyAttributeValue, {
  maxKeys: 10,
}) as fc.Arbitrary<Record<string, unknown>>;

const hex = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 15 }), { minLength: length, maxLength: length })
    .map((digits) => digits.map((digit) => digit.toString(16)).join(''))
    .filter((id) => /[1-9a-f]/.test(id));

const hrTime: fc.Arbitrary<HrTime> = fc.tuple(
  fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
  fc.integer({ min: 0, max: 999_999_999 }),
);

export interface AnySpanParts {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown>; time: HrTime }>;
  links: Array<{ spanId: string; attributes: Record<string, unknown> | undefined }>;
  resourceAttributes: Record<string, unknown>;
  start: HrTime;
  statusMessage: string | undefined;
}

export const anySpanParts: fc.Arbitrary<AnySpanParts> = fc.record({
  name: anyCodeUnitString,
  traceId: hex(32),
  spanId: hex(16),
  parentSpanId: fc.option(hex(16), { nil: undefined }),
  attributes: anyAttributes,
  events: fc.array(
    fc.record({ name: anyCodeUnitString, attributes: anyAttributes, time: hrTime }),
    { maxLength: 4 },
  ),
  links: fc.array(
    fc.record({ spanId: hex(16), attributes: fc.option(anyAttributes, { nil: undefined }) }),
    { maxLength: 3 },
  ),
  resourceAttributes: anyAttributes,
  start: hrTime,
  statusMessage: fc.option(anyCodeUnitString, { nil: undefined }),
});

/** A ReadableSpan built directly from the parts, without the SDK's own attribute checks. */
export function readableSpanFrom(parts: AnySpanParts): ReadableSpan {
  const context = { traceId: parts.traceId, spanId: parts.spanId, traceFlags: TraceFlags.SAMPLED };
  const end: HrTime = [parts.start[0] + 1, parts.start[1]];
  const span = {
    name: parts.name,
    kind: SpanKind.INTERNAL,
    spanContext: () => context,
    parentSpanContext:
      parts.parentSpanId === undefined
        ? undefined
        : { traceId: parts.traceId, spanId: parts.parentSpanId, traceFlags: TraceFlags.SAMPLED },
    startTime: parts.start,
    endTime: end,
    status: { code: parts.statusMessage === undefined ? 0 : 2, message: parts.statusMessage },
    attributes: parts.attributes as Attributes,
    links: parts.links.map((link) => ({
      context: { traceId: parts.traceId, spanId: link.spanId, traceFlags: TraceFlags.SAMPLED },
      attributes: link.attributes as Attributes | undefined,
    })),
    events: parts.events.map((event) => ({
      name: event.name,
      attributes: event.attributes as Attributes,
      time: event.time,
    })),
    duration: [1, 0] as HrTime,
    ended: true,
    resource: { attributes: parts.resourceAttributes as Attributes, merge: () => span.resource },
    instrumentationScope: { name: 'property-test' },
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
  return span as unknown as ReadableSpan;
}
