import type {
  SpanContext as AglSpanContext,
  Attributes,
  Span,
  SpanEvent,
  SpanLink,
  SpanResource,
} from '@agl/client';
import type { Attributes as OtelAttributes, SpanContext } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';
import {
  type AttributeConversion,
  convertAttributes,
  setOwn,
} from './attributes/convert-attributes.ts';
import { truncateText } from './attributes/limits.ts';
import { applyMask } from './attributes/redact.ts';
import { toWellFormed } from './attributes/well-formed-string.ts';
import { type ConversionStats, createConversionStats } from './conversion-stats.ts';
import {
  type NormalizedGenAi,
  normalizeGenAi,
  SUMMARY_KEY_PREFIX,
} from './genai/normalize-genai.ts';
import { ToolCallParents } from './genai/tool-call-parents.ts';
import { formatSpanId, formatTraceId } from './ids.ts';
import {
  type ConverterOptions,
  type ResolvedConverterOptions,
  resolveConverterOptions,
} from './options.ts';
import { toAglSpanContext } from './span-context.ts';
import { spanKindName } from './span-kind.ts';
import { statusCodeName, statusDescription } from './status.ts';
import { hrTimeToSeconds } from './time.ts';

/** Where the span goes in AGL: the rollout and attempt it belongs to and its sequence id. */
export interface AglSpanIds {
  rolloutId: string;
  attemptId: string;
  sequenceId: number;
}

export interface AglSpanConverter {
  /** The AGL span for `span`. Throws only for malformed `ids`; span content never throws. */
  convert(span: ReadableSpan, ids: AglSpanIds): Span;
  /** Running totals since the converter was created (a live object: read, do not write). */
  readonly stats: Readonly<ConversionStats>;
}

const TOOL_PARAMETERS_KEY = 'tool.parameters';
/** On a tool span placed under the LLM call that issued it: the parent it had. */
export const ORIGINAL_PARENT_ID_KEY = 'agl.span.original_parent_id';
/** On the span: events beyond `eventCountLimit` (and those the SDK dropped). */
export const DROPPED_EVENTS_COUNT_KEY = 'agl.dropped_events_count';
/** On the span: links beyond `linkCountLimit` (and those the SDK dropped). */
export const DROPPED_LINKS_COUNT_KEY = 'agl.dropped_links_count';

/**
 * A converter with its options checked once and running drop/truncation totals, for callers
 * that convert many spans (an exporter's hot path).
 */
export function createAglSpanConverter(options: ConverterOptions = {}): AglSpanConverter {
  const resolved = resolveConverterOptions(options);
  const stats = createConversionStats();
  const conversion: AttributeConversion = { limits: resolved.limits, mask: resolved.mask, stats };
  const resources = new WeakMap<object, SpanResource>();
  const toolCallParents = new ToolCallParents();
  return {
    stats,
    convert: (span, ids) =>
      convertSpan(span, ids, resolved, conversion, resources, toolCallParents),
  };
}

let defaultConverter: AglSpanConverter | undefined;

/**
 * Converts an OpenTelemetry SDK span into the span AGL stores, field for field as AGL's
 * Python `Span.from_opentelemetry` does, with attribute values made safe and GenAI attributes
 * normalised for AGL's training adapters.
 */
export function toAglSpan(span: ReadableSpan, ids: AglSpanIds, options?: ConverterOptions): Span {
  if (options === undefined) {
    defaultConverter ??= createAglSpanConverter();
    return defaultConverter.convert(span, ids);
  }
  return createAglSpanConverter(options).convert(span, ids);
}

function convertSpan(
  span: ReadableSpan,
  ids: AglSpanIds,
  options: ResolvedConverterOptions,
  conversion: AttributeConversion,
  resources: WeakMap<object, SpanResource>,
  toolCallParents: ToolCallParents,
): Span {
  checkIds(ids);
  const { limits, stats } = conversion;
  stats.spans++;

  const context = readSpanContext(span);
  let parent = readParentContext(span, context);
  let sourceAttributes = span.attributes ?? {};
  let name = typeof span.name === 'string' ? span.name : String(span.name ?? '');
  let added: Record<string, unknown> | undefined;
  if (options.genai !== false) {
    try {
      const normalized = normalizeGenAi(
        name,
        sourceAttributes,
        options.genai,
        Array.isArray(span.events) ? span.events : [],
      );
      ({ name, added } = normalized);
      const add = (key: string, value: unknown) => {
        added ??= {};
        added[key] = value;
      };
      parent = placeToolCall(normalized, context, parent, toolCallParents, add);
      if (normalized.summaryKeys !== undefined) {
        sourceAttributes = moveSummaryKeys(sourceAttributes, normalized.summaryKeys, add);
      }
    } catch {
      stats.normalizationFailures++;
    }
  }

  const attributes = convertAttributes(
    conversion,
    'span',
    limits.attributeCountLimit,
    count(span.droppedAttributesCount),
    sourceAttributes,
    added,
  );
  const events = convertEvents(span, conversion, attributes);
  const links = convertLinks(span, conversion, attributes);

  return {
    rollout_id: ids.rolloutId,
    attempt_id: ids.attemptId,
    sequence_id: ids.sequenceId,
    trace_id: context?.trace_id ?? formatTraceId('0'),
    span_id: context?.span_id ?? formatSpanId('0'),
    parent_id: parent?.span_id ?? null,
    name: truncateText(toWellFormed(name), limits.attributeValueLengthLimit),
    status: {
      status_code: statusCodeName(span.status),
      description: convertDescription(span, conversion),
    },
    attributes,
    events,
    links,
    start_time: hrTimeToSeconds(span.startTime),
    end_time: hrTimeToSeconds(span.endTime),
    context,
    parent,
    resource: convertResource(span, conversion, resources),
    kind: spanKindName(span.kind),
    instrumentation_scope: instrumentationScope(span),
  };
}

/**
 * Records the tool calls an LLM-call span issued, and gives a tool span that ran one of them
 * that LLM span as its parent (keeping the old parent id in an attribute).
 */
function placeToolCall(
  normalized: NormalizedGenAi,
  context: AglSpanContext | null,
  parent: AglSpanContext | null,
  toolCallParents: ToolCallParents,
  add: (key: string, value: string) => void,
): AglSpanContext | null {
  if (context === null) return parent;
  if (normalized.issuedToolCalls !== undefined) {
    toolCallParents.remember(context.trace_id, context.span_id, normalized.issuedToolCalls);
  }
  if (normalized.executedToolCallId === undefined || parent === null) return parent;
  const issuer = toolCallParents.issuerOf(context.trace_id, normalized.executedToolCallId);
  if (issuer === undefined) {
    toolCallParents.placedEarly(context.trace_id, normalized.executedToolCallId);
    return parent;
  }
  if (issuer.spanId === parent.span_id || issuer.spanId === context.span_id) {
    return parent;
  }
  add(ORIGINAL_PARENT_ID_KEY, parent.span_id);
  // What the model asked for: the arguments AGL shows on the completion's tool call.
  add(TOOL_PARAMETERS_KEY, issuer.arguments);
  return { ...parent, span_id: issuer.spanId };
}

/** The attributes without `keys`, each of which is added again under `agl.summary.`. */
function moveSummaryKeys(
  attributes: OtelAttributes,
  keys: readonly string[],
  add: (key: string, value: unknown) => void,
): OtelAttributes {
  const kept: OtelAttributes = { ...attributes };
  for (const key of keys) {
    add(`${SUMMARY_KEY_PREFIX}${key}`, kept[key]);
    delete kept[key];
  }
  return kept;
}

function checkIds(ids: AglSpanIds): void {
  if (typeof ids?.rolloutId !== 'string' || ids.rolloutId === '') {
    throw new TypeError(
      `toAglSpan: rolloutId must be a non-empty string, got ${String(ids?.rolloutId)}.`,
    );
  }
  if (typeof ids.attemptId !== 'string' || ids.attemptId === '') {
    throw new TypeError(
      `toAglSpan: attemptId must be a non-empty string, got ${String(ids.attemptId)}.`,
    );
  }
  if (!Number.isSafeInteger(ids.sequenceId) || ids.sequenceId < 0) {
    throw new TypeError(
      `toAglSpan: sequenceId must be a whole number >= 0 (from the store's next sequence id), got ${String(ids.sequenceId)}.`,
    );
  }
}

function readSpanContext(span: ReadableSpan): AglSpanContext | null {
  try {
    const context = span.spanContext();
    return context ? toAglSpanContext(context) : null;
  } catch {
    return null;
  }
}

/** SDK 2.x exposes `parentSpanContext`; SDK 1.x only `parentSpanId`. */
function readParentContext(span: ReadableSpan, own: AglSpanContext | null): AglSpanContext | null {
  const parentContext: SpanContext | undefined = span.parentSpanContext;
  if (parentContext?.spanId) return toAglSpanContext(parentContext);
  const legacyId = (span as { parentSpanId?: unknown }).parentSpanId;
  if (typeof legacyId === 'string' && legacyId !== '') {
    return {
      trace_id: own?.trace_id ?? formatTraceId('0'),
      span_id: formatSpanId(legacyId),
      is_remote: false,
      trace_state: {},
    };
  }
  return null;
}

function convertEvents(
  span: ReadableSpan,
  conversion: AttributeConversion,
  spanAttributes: Attributes,
): SpanEvent[] {
  const source: readonly TimedEvent[] = Array.isArray(span.events) ? span.events : [];
  const limit = conversion.limits.eventCountLimit;
  // The most recent events are kept, as the OpenTelemetry SDK does: exceptions come last.
  const kept = source.length > limit ? source.slice(source.length - limit) : source;
  const dropped = source.length - kept.length;
  conversion.stats.eventsDropped += dropped;
  markDropped(spanAttributes, DROPPED_EVENTS_COUNT_KEY, dropped + count(span.droppedEventsCount));
  const events: SpanEvent[] = [];
  for (const event of kept) {
    if (event === null || typeof event !== 'object') {
      conversion.stats.eventsDropped++;
      continue;
    }
    events.push({
      name: convertName(event.name, conversion),
      attributes: convertAttributes(
        conversion,
        'event',
        conversion.limits.attributePerEventCountLimit,
        count(event.droppedAttributesCount),
        event.attributes,
      ),
      timestamp: hrTimeToSeconds(event.time),
    });
  }
  return events;
}

function convertLinks(
  span: ReadableSpan,
  conversion: AttributeConversion,
  spanAttributes: Attributes,
): SpanLink[] {
  const source = Array.isArray(span.links) ? span.links : [];
  const limit = conversion.limits.linkCountLimit;
  const kept = source.length > limit ? source.slice(0, limit) : source;
  const dropped = source.length - kept.length;
  conversion.stats.linksDropped += dropped;
  markDropped(spanAttributes, DROPPED_LINKS_COUNT_KEY, dropped + count(span.droppedLinksCount));
  const links: SpanLink[] = [];
  for (const link of kept) {
    if (link === null || typeof link !== 'object' || !link.context) {
      conversion.stats.linksDropped++;
      continue;
    }
    const hasAttributes =
      link.attributes !== undefined &&
      link.attributes !== null &&
      Object.keys(link.attributes).length > 0;
    links.push({
      context: toAglSpanContext(link.context),
      // As in Python: a link without attributes carries null, not {}.
      attributes: hasAttributes
        ? convertAttributes(
            conversion,
            'link',
            conversion.limits.attributePerLinkCountLimit,
            count(link.droppedAttributesCount),
            link.attributes,
          )
        : null,
    });
  }
  return links;
}

function convertResource(
  span: ReadableSpan,
  conversion: AttributeConversion,
  cache: WeakMap<object, SpanResource>,
): SpanResource {
  const resource = span.resource;
  if (resource === null || typeof resource !== 'object') return { attributes: {}, schema_url: '' };
  const cached = cache.get(resource);
  if (cached !== undefined) return cached;
  let attributes: Readonly<Record<string, unknown>> | undefined;
  try {
    attributes = resource.attributes;
  } catch {
    attributes = undefined;
  }
  const converted: SpanResource = {
    attributes: convertAttributes(
      conversion,
      'resource',
      conversion.limits.attributeCountLimit,
      0,
      attributes,
    ),
    schema_url: typeof resource.schemaUrl === 'string' ? toWellFormed(resource.schemaUrl) : '',
  };
  // Resources are shared by every span of a provider; once settled they never change.
  if (resource.asyncAttributesPending !== true) cache.set(resource, converted);
  return converted;
}

function convertDescription(span: ReadableSpan, conversion: AttributeConversion): string | null {
  const description = statusDescription(span.status);
  if (description === null) return null;
  let text: string = toWellFormed(description);
  if (conversion.mask !== undefined) {
    const masked = applyMask(
      conversion.mask,
      'status.description',
      text,
      'status',
      conversion.stats,
    );
    if (masked === undefined) return null;
    text = typeof masked === 'string' ? masked : String(masked);
  }
  return truncateText(text, conversion.limits.attributeValueLengthLimit);
}

function convertName(name: unknown, conversion: AttributeConversion): string {
  const text = typeof name === 'string' ? name : String(name ?? '');
  return truncateText(toWellFormed(text), conversion.limits.attributeValueLengthLimit);
}

function instrumentationScope(span: ReadableSpan): {
  name: string;
  version: string | null;
  schema_url: string | null;
} {
  const scope = span.instrumentationScope;
  return {
    name: typeof scope?.name === 'string' ? toWellFormed(scope.name) : '',
    version: typeof scope?.version === 'string' ? toWellFormed(scope.version) : null,
    schema_url: typeof scope?.schemaUrl === 'string' ? toWellFormed(scope.schemaUrl) : null,
  };
}

function markDropped(attributes: Attributes, key: string, dropped: number): void {
  if (dropped > 0) setOwn(attributes, key, dropped);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
